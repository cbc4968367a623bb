using System.Globalization;
using PerfGate.Prefill;
using Spectre.Console;

namespace PerfGate.Cli.Commands;

/// <summary>The console form of a prefill estimate (internal): operators of one full prefill, then the TTFT lines.</summary>
internal static class PrefillRendering
{
    public static void Render(CliContext context, PrefillEstimate e)
    {
        var c = CultureInfo.InvariantCulture;
        var r = e.Request;
        var console = ConsoleFactory.Create(context);
        var table = new Table().Border(TableBorder.Simple).AddColumns("prefill operator", "scope", "time/ms", "share", "TFLOP", "bound", "source");
        var total = e.Single.Seconds;
        foreach (var op in e.Operators)
        {
            table.AddRow(
                Markup.Escape(op.Name),
                PrefillSpellings.Id(op.Scope),
                op.Time.Milliseconds.ToString("0.000", c),
                (total > 0 ? op.Time.Seconds / total : 0).ToString("0.0%", c),
                (op.Flops / 1e12).ToString("0.000", c),
                op.Bound.ToString().ToLowerInvariant(),
                Markup.Escape(op.Origin));
        }

        console.Write(table);
        var chunk = r.Chunk is { } n ? string.Create(c, $"chunk {n}") : string.Create(c, $"whole prompts, token budget {r.TokenBudget}");
        context.Out.WriteLine(string.Create(c, $"prefill of {r.Prompt} tokens ({chunk}, {e.Steps} step(s)): {e.Single.Milliseconds:0.0} ms alone, {e.FlopsPerCard / 1e12:0.00} TFLOP per card"));
        context.Out.WriteLine(string.Create(c, $"TTFT at concurrency {r.Concurrency}: mean {e.Ttft.Milliseconds:0.0} ms, worst {e.MaxTtft.Milliseconds:0.0} ms"));
        if (e.Cached is { } k)
        {
            var breakEven = double.IsFinite(k.BreakEvenBandwidth.Value) ? string.Create(c, $"{k.BreakEvenBandwidth.InGBps:0.00} GB/s") : "none (recomputing is cheaper at any rate)";
            context.Out.WriteLine(string.Create(c, $"prefix hit {r.PrefixHit:0.###} from {r.Tier!.Id} ({PrefillSpellings.Id(r.Overlap)}): {k.CachedTokens} tokens, load {k.LoadBytesPerCard / 1e9:0.000} GB per card in {k.Load.Milliseconds:0.0} ms, compute {k.Compute.Milliseconds:0.0} ms"));
            context.Out.WriteLine(string.Create(c, $"cached TTFT: mean {k.Ttft.Milliseconds:0.0} ms, worst {k.MaxTtft.Milliseconds:0.0} ms, speedup {e.Speedup:0.00}x; break-even effective bandwidth {breakEven}"));
        }

        if (e.Itl is { } itl)
        {
            context.Out.WriteLine(string.Create(c, $"synchronous: ITL {itl.Milliseconds:0.00} ms, request latency {e.RequestLatency!.Value.Milliseconds:0.0} ms for {r.OutputTokens} output tokens"));
        }
    }
}
