using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Estimation;

namespace PerfGate.Prefill;

public static partial class PrefillEstimator
{
    /// <summary>
    /// Every problem with a request. A setting is named by its key (prompt, chunk, concurrency, tokenBudget, prefixHit,
    /// prefixTier, outputTokens): <paramref name="locate"/> turns it into where it was written (unlocated without it, as
    /// for command-line options) and <paramref name="spell"/> into how the user wrote it (--prompt, prefill.prompt).
    /// </summary>
    public static IReadOnlyList<Diagnostic> Validate(PrefillRequest request, Func<string, SourceLocation>? locate = null, Func<string, string>? spell = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var list = new List<Diagnostic>();
        SourceLocation At(string key) => locate?.Invoke(key) ?? SourceLocation.None;
        void Error(string key, string id, string message) => list.Add(Diagnostic.Error(id, $"'{spell?.Invoke(key) ?? key}': {message}", At(key)));
        var m = request.Deployment.Model;

        if (request.Prompt < 1)
        {
            Error("prompt", DiagnosticIds.InvalidPrefillSetting, Inv($"{request.Prompt} tokens; a prompt has at least 1"));
        }
        else if (m.MaxPositionEmbeddings is { } window && request.Prompt > window)
        {
            Error("prompt", DiagnosticIds.PromptExceedsContextWindow, Inv($"{request.Prompt} tokens is longer than {m.Id}'s context window of {window} (maxPositionEmbeddings); use at most {window}"));
        }

        if (request.Chunk is { } chunk && chunk < 1)
        {
            Error("chunk", DiagnosticIds.InvalidPrefillSetting, Inv($"{chunk}; a chunked prefill step takes at least 1 token (e.g. 2048), or leave the chunk out to prefill whole prompts"));
        }

        if (request.Concurrency < 1)
        {
            Error("concurrency", DiagnosticIds.InvalidPrefillSetting, Inv($"{request.Concurrency}; at least 1 request must arrive"));
        }

        if (request.TokenBudget < 1)
        {
            Error("tokenBudget", DiagnosticIds.InvalidPrefillSetting, Inv($"{request.TokenBudget}; a step takes at least 1 token (engines default to {PrefillRequest.DefaultTokenBudget})"));
        }

        if (!(request.PrefixHit is >= 0 and <= 1))
        {
            Error("prefixHit", DiagnosticIds.InvalidPrefillSetting, Inv($"{request.PrefixHit} is outside [0, 1]; the prefix hit is the fraction of the prompt whose KV is cached, between 0 and 1 (e.g. 0.8)"));
        }
        else if (request.PrefixHit > 0 && request.Tier is null)
        {
            Error("prefixTier", DiagnosticIds.InvalidPrefillSetting, "missing: a prefix hit needs the storage tier it is served from (hbm, dram, ssd, rdma or a kind: storage document)");
        }

        if (request.OutputTokens < 0)
        {
            Error("outputTokens", DiagnosticIds.InvalidPrefillSetting, Inv($"{request.OutputTokens}; use 0 (no decode figures) or more"));
        }

        list.AddRange(DecodeEstimator.Validate(request.Deployment with { Batch = 1, Context = 0, Mtp = 0 }));
        return list;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
