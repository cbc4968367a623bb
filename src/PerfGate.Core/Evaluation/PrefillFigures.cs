using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Estimation;
using PerfGate.Gate;
using PerfGate.Prefill;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Evaluation;

/// <summary>
/// The figures of a scenario's <c>prefill:</c> section: table <c>prefill.ttft</c> (one row per prompt x concurrency:
/// mean and worst TTFT, and with a prefix hit the cached TTFT, speedup, load and break-even bandwidth), the operator
/// breakdown of the longest prompt alone (<c>prefill.breakdown</c>), KV per token per card, and with output tokens the
/// synchronous TTFT, ITL and request latency of the shortest prompt.
/// </summary>
internal static class PrefillFigures
{
    private const string Section = "prefill";

    // The tables' columns (immutable records): one list each, that every scenario's table holds.
    private static readonly SnapshotColumn[] TtftColumns =
    [
        new("ttft", Units.Ms, MetricDirection.LowerIsBetter),
        new("max_ttft", Units.Ms, MetricDirection.LowerIsBetter),
    ];

    private static readonly SnapshotColumn[] TtftColumnsWithHit =
    [
        .. TtftColumns,
        new("cached_ttft", Units.Ms, MetricDirection.LowerIsBetter),
        new("cached_max_ttft", Units.Ms, MetricDirection.LowerIsBetter),
        new("speedup", string.Empty, MetricDirection.HigherIsBetter),
        new("load", Units.Ms, MetricDirection.LowerIsBetter),
        new("break_even", "GB/s", MetricDirection.LowerIsBetter),
    ];

    // Row keys, one string each for the whole run: every scenario keeps its rows to the end of a check, and workspaces
    // sweep the same prompt lengths and concurrencies on models that share operator names.
    private static readonly Threading.BoundedMemo<(int Prompt, int Concurrency), string> TtftRowKeys = new(4096);

    private static readonly Threading.BoundedMemo<(Estimation.OperatorScope Scope, string Name), string> BreakdownRowKeys = new(4096);

    private static readonly SnapshotColumn[] BreakdownColumns =
    [
        new("time", Units.Ms, MetricDirection.LowerIsBetter),
        new("share", Units.Percent),
        new("bound"),
        new("origin"),
    ];

    public static void Add(EvaluationContext c)
    {
        var s = c.Scenario;
        var settings = s.Prefill!;
        var problems = new List<Diagnostics.Diagnostic>();
        var efficiency = settings.Efficiency ?? s.Decode?.Efficiency;
        var calibration = Calibration.For(c, c.Hardware, efficiency, problems, out var from);
        if (problems.Count > 0)
        {
            c.AddInputErrors(Section, problems);
            return;
        }

        StorageTierSpec? tier = null;
        if (settings.PrefixTier is { } id && !c.Catalog.Storage.TryGetValue(id, out tier))
        {
            // The workspace loader reports unknown ids at the key; this guards evaluations built without it.
            c.AddInputErrors(Section, [Diagnostics.Diagnostic.Error(Diagnostics.DiagnosticIds.UnknownReference, $"prefill.prefixTier '{id}' is not a storage tier in the catalog; known: {string.Join(", ", c.Catalog.Storage.Keys)}", s.LocationOf("prefill.prefixTier"))]);
            return;
        }

        var deployment = DecodeRequest.FromScenario(s, c.Model, c.Hardware, c.Nic, calibration, from) with
        {
            Efficiency = efficiency ?? c.Hardware.Efficiency,
        };
        // Every request is of this one deployment: one timer keeps the step times they share (a step of the same
        // segments recurs across prompts and concurrencies), and only the longest prompt's breakdown is kept.
        var timer = new PrefillStepTimer(deployment);
        var rows = new List<SnapshotRow>();
        PrefillEstimate? longest = null, shortest = null;
        var hit = settings.PrefixHit > 0;
        foreach (var prompt in settings.Prompts)
        {
            foreach (var concurrency in settings.Concurrency)
            {
                var request = new PrefillRequest
                {
                    Deployment = deployment,
                    Prompt = prompt,
                    Chunk = settings.Chunk,
                    Concurrency = concurrency,
                    TokenBudget = settings.TokenBudget,
                    PrefixHit = settings.PrefixHit,
                    Tier = tier,
                    Overlap = settings.Overlap,
                    OutputTokens = settings.OutputTokens,
                };
                var outcome = PrefillEstimator.Estimate(request, key => s.LocationOf(Key(key)), key => Key(key), timer, operators: false);
                if (outcome.Estimate is not { } e)
                {
                    c.AddInputErrors(Section, outcome.Diagnostics);
                    return;
                }

                if (longest is null || prompt > longest.Request.Prompt)
                {
                    longest = e;
                }

                if (shortest is null || prompt < shortest.Request.Prompt)
                {
                    shortest = e;
                }

                var row = TtftRowKeys.GetOrAdd((prompt, concurrency), static k => string.Create(CultureInfo.InvariantCulture, $"s{k.Prompt}.c{k.Concurrency}"));
                var cells = new List<SnapshotValue>
                {
                    c.Builder.Cell("prefill.ttft", row, "ttft", e.Ttft.Milliseconds),
                    c.Builder.Cell("prefill.ttft", row, "max_ttft", e.MaxTtft.Milliseconds),
                };
                if (e.Cached is { } k)
                {
                    cells.Add(c.Builder.Cell("prefill.ttft", row, "cached_ttft", k.Ttft.Milliseconds));
                    cells.Add(c.Builder.Cell("prefill.ttft", row, "cached_max_ttft", k.MaxTtft.Milliseconds));
                    cells.Add(c.Builder.Cell("prefill.ttft", row, "speedup", e.Speedup ?? 0));
                    cells.Add(c.Builder.Cell("prefill.ttft", row, "load", k.Load.Milliseconds));
                    cells.Add(c.Builder.Cell("prefill.ttft", row, "break_even", double.IsFinite(k.BreakEvenBandwidth.Value) ? k.BreakEvenBandwidth.InGBps : 0));
                }

                rows.Add(new SnapshotRow(row, cells));
            }
        }

        c.Builder.Table(new SnapshotTable("prefill.ttft", hit ? TtftColumnsWithHit : TtftColumns, rows));
        if (longest is null || shortest is null)
        {
            return;
        }

        c.Builder.Number("prefill.kv_per_token_per_card", longest.KvBytesPerTokenPerCard / 1024, Units.KiB, MetricDirection.LowerIsBetter);
        if (shortest.Itl is { } itl)
        {
            c.Builder
                .Number("prefill.sync.ttft", shortest.Single.Milliseconds, Units.Ms, MetricDirection.LowerIsBetter)
                .Number("prefill.sync.itl", itl.Milliseconds, Units.Ms, MetricDirection.LowerIsBetter)
                .Number("prefill.sync.request_latency", shortest.RequestLatency!.Value.Milliseconds, Units.Ms, MetricDirection.LowerIsBetter);
        }

        Breakdown(c, PrefillEstimator.Estimate(longest.Request, null, null, timer, operators: true).Estimate!);
    }

    /// <summary>The settings recorded in the snapshot (so a changed setting is told apart from a changed figure).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings(PrefillSettings? p, CatalogSet catalog)
    {
        if (p is null)
        {
            yield break;
        }

        var inv = CultureInfo.InvariantCulture;
        yield return new("prefill.prompts", string.Join(",", p.Prompts.Select(x => x.ToString(inv))));
        yield return new("prefill.concurrency", string.Join(",", p.Concurrency.Select(x => x.ToString(inv))));
        if (p.Chunk is { } chunk)
        {
            yield return new("prefill.chunk", chunk.ToString(inv));
        }

        yield return new("prefill.tokenBudget", p.TokenBudget.ToString(inv));
        yield return new("prefill.prefixHit", p.PrefixHit.ToString(inv));
        yield return new("prefill.overlap", PrefillSpellings.Id(p.Overlap));
        if (p.PrefixTier is { } id)
        {
            yield return new("prefill.prefixTier", id);
            if (catalog.Storage.TryGetValue(id, out var tier))
            {
                yield return new("storage.family", tier.Family.Id);
                yield return new("storage.effectiveBandwidth", tier.EffectiveBytesPerSecond.ToString(inv));
                yield return new("storage.latency", tier.Latency.Seconds.ToString(inv));
            }
        }

        if (p.OutputTokens > 0)
        {
            yield return new("prefill.outputTokens", p.OutputTokens.ToString(inv));
        }

        if (p.Efficiency is { } e)
        {
            yield return new("prefill.efficiency", e.ToId());
        }
    }

    private static void Breakdown(EvaluationContext c, PrefillEstimate e)
    {
        var rows = new List<SnapshotRow>();
        var total = e.Single.Seconds;
        foreach (var op in e.Operators)
        {
            var key = BreakdownRowKeys.GetOrAdd((op.Scope, op.Name), static k => DecodeFigures.RowKey($"{PrefillSpellings.Id(k.Scope)}/{k.Name}"));
            rows.Add(new SnapshotRow(key, new[]
            {
                c.Builder.Cell("prefill.breakdown", key, "time", op.Time.Milliseconds),
                c.Builder.Cell("prefill.breakdown", key, "share", total > 0 ? op.Time.Seconds / total * 100 : 0),
                SnapshotValue.Of(op.Bound.ToId()),
                SnapshotValue.Of(op.Origin),
            }));
        }

        c.Builder.Table(new SnapshotTable(
            "prefill.breakdown",
            BreakdownColumns,
            rows));
    }

    private static string Key(string setting) => setting switch
    {
        "prompt" => "prefill.prompts",
        "concurrency" => "prefill.concurrency",
        _ => "prefill." + setting,
    };
}
