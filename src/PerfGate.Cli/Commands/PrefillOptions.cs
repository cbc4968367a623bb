using System.CommandLine;
using PerfGate.Run;

namespace PerfGate.Cli.Commands;

/// <summary>
/// The prefill options of <c>perfgate estimate</c> (internal): <c>--prompt S [--chunk N] [--concurrency C]
/// [--token-budget B] [--prefix-hit H --prefix-tier ID|PATH] [--overlap serial|layer-wise] [--output-tokens N]</c>.
/// Without --prompt there is no prefill estimate (<see cref="EstimateRun"/>).
/// </summary>
internal sealed class PrefillOptions : OptionSet<PrefillArguments>
{
    private static readonly PrefillArguments Defaults = new();

    public PrefillOptions()
        : base(Defaults)
    {
        Add<int?>("--prompt", "Prompt tokens: estimate the prefill and the time to first token.", (a, v) => a with { Prompt = v });
        Add<int?>("--chunk", "Chunked prefill: tokens per step (default: whole prompts per step).", (a, v) => a with { Chunk = v });
        Add(new Option<int>("--concurrency") { Description = "Requests arriving together (default 1); mean and worst TTFT.", DefaultValueFactory = _ => Defaults.Concurrency }, (a, v) => a with { Concurrency = v });
        Add(new Option<int>("--token-budget") { Description = "Without --chunk: prompts batched per step while their tokens fit (default 8192, vLLM/SGLang).", DefaultValueFactory = _ => Defaults.TokenBudget }, (a, v) => a with { TokenBudget = v });
        Add(OptionParsing.Number("--prefix-hit", "Fraction of the prompt whose KV cache is already stored, 0-1.", Defaults.PrefixHit), (a, v) => a with { PrefixHit = v });
        Add<string?>("--prefix-tier", "Storage tier id (hbm, dram, ssd, rdma) or path of a kind: storage document.", (a, v) => a with { PrefixTier = v });
        Add<string?>("--overlap", "How the KV load meets the compute: serial (default) or layer-wise.", (a, v) => a with { Overlap = v });
        Add(new Option<int>("--output-tokens") { Description = "Output tokens: adds the synchronous ITL and request latency (default 0).", DefaultValueFactory = _ => Defaults.OutputTokens }, (a, v) => a with { OutputTokens = v });
    }

    /// <summary>The values, and which prefill options other than --prompt the command line names (an error without --prompt).</summary>
    public new PrefillArguments Read(ParseResult parse) => base.Read(parse) with
    {
        Given = [.. All.Skip(1).Select(o => o.Name).Where(name => parse.Tokens.Any(t => t.Value == name))],
    };
}
