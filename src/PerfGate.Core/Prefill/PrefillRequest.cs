using PerfGate.Catalog;
using PerfGate.Estimation;

namespace PerfGate.Prefill;

/// <summary>
/// Time to first token of <see cref="Concurrency"/> prompts of <see cref="Prompt"/> tokens arriving together on the
/// deployment of <see cref="Deployment"/> (model, hardware, parallelism, element types, efficiency source and tables;
/// its batch, context and MTP are not used). With <see cref="PrefixHit"/> &gt; 0 the first hS tokens' KV comes from
/// <see cref="Tier"/> instead of being computed.
/// </summary>
public sealed record PrefillRequest
{
    /// <summary>The engine's prefill token budget per step when nothing else is said (vLLM's OpenAI server
    /// max_num_batched_tokens and SGLang's chunked_prefill_size on 80 GB-class cards: 8192).</summary>
    public const int DefaultTokenBudget = 8192;

    public required DecodeRequest Deployment { get; init; }

    /// <summary>Prompt tokens S of each request.</summary>
    public required int Prompt { get; init; }

    /// <summary>Chunked prefill: tokens per step (the step's token budget); null: whole prompts per step.</summary>
    public int? Chunk { get; init; }

    /// <summary>Requests arriving together (spread evenly over the attention-DP ranks).</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Without <see cref="Chunk"/>: whole prompts are batched into one step while their tokens fit this
    /// budget (a prompt longer than it runs alone); the rest queue.</summary>
    public int TokenBudget { get; init; } = DefaultTokenBudget;

    /// <summary>Fraction h of the prompt whose KV is already cached, in [0, 1].</summary>
    public double PrefixHit { get; init; }

    /// <summary>Where the cached prefix is served from; required when <see cref="PrefixHit"/> &gt; 0.</summary>
    public StorageTierSpec? Tier { get; init; }

    public KvLoadOverlap Overlap { get; init; } = KvLoadOverlap.Serial;

    /// <summary>Output tokens for the synchronous (batch 1) inter-token latency and request latency; 0: not computed.</summary>
    public int OutputTokens { get; init; }

    /// <summary>Cached prompt tokens: floor(h x S).</summary>
    public int CachedTokens => (int)Math.Floor(PrefixHit * Prompt);
}
