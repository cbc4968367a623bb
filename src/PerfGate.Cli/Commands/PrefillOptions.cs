using System.CommandLine;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Prefill;
using PerfGate.Workspace;

namespace PerfGate.Cli.Commands;

/// <summary>
/// The prefill options of <c>perfgate estimate</c> (internal): <c>--prompt S [--chunk N] [--concurrency C]
/// [--token-budget B] [--prefix-hit H --prefix-tier ID|PATH] [--overlap serial|layer-wise] [--output-tokens N]</c>.
/// Without --prompt there is no prefill estimate.
/// </summary>
internal sealed class PrefillOptions
{
    private readonly Option<int?> _prompt = new("--prompt") { Description = "Prompt tokens: estimate the prefill and the time to first token." };
    private readonly Option<int?> _chunk = new("--chunk") { Description = "Chunked prefill: tokens per step (default: whole prompts per step)." };
    private readonly Option<int> _concurrency = new("--concurrency") { Description = "Requests arriving together (default 1); mean and worst TTFT.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _budget = new("--token-budget") { Description = "Without --chunk: prompts batched per step while their tokens fit (default 8192, vLLM/SGLang).", DefaultValueFactory = _ => PrefillRequest.DefaultTokenBudget };
    private readonly Option<double> _hit = OptionParsing.Number("--prefix-hit", "Fraction of the prompt whose KV cache is already stored, 0-1.", 0);
    private readonly Option<string?> _tier = new("--prefix-tier") { Description = "Storage tier id (hbm, dram, ssd, rdma) or path of a kind: storage document." };
    private readonly Option<string?> _overlap = new("--overlap") { Description = "How the KV load meets the compute: serial (default) or layer-wise." };
    private readonly Option<int> _output = new("--output-tokens") { Description = "Output tokens: adds the synchronous ITL and request latency (default 0).", DefaultValueFactory = _ => 0 };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _prompt, _chunk, _concurrency, _budget, _hit, _tier, _overlap, _output })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>The prefill outcome, or null without --prompt (prefill options alone are an error).</summary>
    public PrefillOutcome? Estimate(ParseResult parse, DecodeRequest deployment, CatalogResolver resolver)
    {
        var prompt = parse.GetValue(_prompt);
        var tierText = parse.GetValue(_tier);
        if (prompt is null)
        {
            var given = new[] { "--chunk", "--concurrency", "--token-budget", "--prefix-hit", "--prefix-tier", "--overlap", "--output-tokens" }
                .Where(name => parse.Tokens.Any(t => t.Value == name))
                .ToList();
            if (given.Count > 0)
            {
                resolver.Add(Diagnostic.Error(DiagnosticIds.InvalidPrefillSetting, $"{string.Join(", ", given)} describe a prefill; give the prompt length with --prompt", SourceLocation.None));
            }

            return null;
        }

        var tier = tierText is null ? null : resolver.Storage(tierText, "--prefix-tier");
        if (resolver.HasErrors)
        {
            return null;
        }

        var overlap = KvLoadOverlap.Serial;
        if (parse.GetValue(_overlap) is { } text)
        {
            var match = PrefillSpellings.Overlaps.FirstOrDefault(o => o.Key == text);
            if (match.Key is null)
            {
                resolver.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--overlap: '{text}' is not valid; use one of {string.Join(", ", PrefillSpellings.Overlaps.Select(o => o.Key))}", SourceLocation.None));
                return null;
            }

            overlap = match.Value;
        }

        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["prompt"] = "--prompt",
            ["chunk"] = "--chunk",
            ["concurrency"] = "--concurrency",
            ["tokenBudget"] = "--token-budget",
            ["prefixHit"] = "--prefix-hit",
            ["prefixTier"] = "--prefix-tier",
            ["outputTokens"] = "--output-tokens",
        };
        var request = new PrefillRequest
        {
            Deployment = deployment,
            Prompt = prompt.Value,
            Chunk = parse.GetValue(_chunk),
            Concurrency = parse.GetValue(_concurrency),
            TokenBudget = parse.GetValue(_budget),
            PrefixHit = parse.GetValue(_hit),
            Tier = tier,
            Overlap = overlap,
            OutputTokens = parse.GetValue(_output),
        };
        return PrefillEstimator.Estimate(request, spell: key => options[key]);
    }
}
