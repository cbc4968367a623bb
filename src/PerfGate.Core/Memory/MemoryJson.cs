using System.Text.Json;
using PerfGate.Diagnostics;
using PerfGate.Quantities;
using PerfGate.Reports;
using PerfGate.Workspace;

namespace PerfGate.Memory;

/// <summary>
/// The <c>--json</c> document of <c>perfgate memory</c>: <c>memory</c> (settings, <c>perCard[]</c> with the byte components,
/// KV layout, <c>kvBlocks</c>, <c>safeMaxBatchSize</c>, <c>recommendedNpuMemSizeGiB</c>, <c>verdict</c>) and <c>diagnostics</c>.
/// Bytes are integers; fractions use invariant formatting (Utf8JsonWriter). Key order is fixed.
/// </summary>
public static class MemoryJson
{
    public static string Write(MemoryBudget budget, MemoryRequest? request, IReadOnlyList<Diagnostic> diagnostics)
    {
        return JsonText.Render(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("memory");
            if (request is not null)
            {
                w.WriteString("model", request.Model.Id);
                w.WriteString("hardware", request.Hardware.Id);
                w.WriteNumber("cards", request.Parallelism.Cards);
                w.WriteNumber("tp", request.Parallelism.Tp);
                w.WriteNumber("dp", request.Parallelism.Dp);
                w.WriteNumber("moeTp", request.Parallelism.EffectiveMoeTp);
                w.WriteNumber("moeEp", request.Parallelism.MoeEp);
            }

            Settings(w, budget.Settings);
            w.WriteStartArray("perCard");
            foreach (var c in budget.PerCard)
            {
                Card(w, c);
            }

            w.WriteEndArray();
            if (budget.Kv is { } kv)
            {
                w.WriteStartObject("kv");
                w.WriteNumber("kvHeadsPerRank", kv.KvHeadsPerRank);
                w.WriteString("kType", kv.KType.ToId());
                w.WriteString("vType", kv.VType.ToId());
                w.WriteNumber("layers", kv.Layers);
                w.WriteNumber("blockSize", kv.BlockSize);
                w.WriteNumber("bytesPerTokenPerLayer", kv.BytesPerTokenPerLayer);
                w.WriteNumber("bytesPerToken", kv.BytesPerToken);
                w.WriteNumber("bytesPerBlock", kv.BytesPerBlock.Value);
                w.WriteEndObject();
            }

            w.WriteNumber("kvBlocks", budget.KvBlocks);
            w.WriteNumber("usableKvBlocks", budget.UsableKvBlocks);
            w.WriteNumber("blocksPerRequest", budget.BlocksPerRequest);
            w.WriteNumber("safeMaxBatchSize", budget.SafeMaxBatchSize);
            NullableNumber(w, "typicalBlocksPerRequest", budget.TypicalBlocksPerRequest);
            NullableNumber(w, "typicalConcurrency", budget.TypicalConcurrency);
            if (budget.RecommendedNpuMemSizeGiB is { } rec)
            {
                w.WriteStartObject("recommendedNpuMemSizeGiB");
                w.WriteNumber("totalTimesFraction", rec.TotalTimesFraction);
                w.WriteNumber("freeTimesFactor", rec.FreeTimesFactor);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("recommendedNpuMemSizeGiB");
            }

            w.WriteString("verdict", budget.Verdict.ToId());
            w.WriteEndObject();
            Diagnostics(w, diagnostics);
            w.WriteEndObject();
        });
    }

    private static void Settings(Utf8JsonWriter w, MemorySettingsUsed s)
    {
        w.WriteString("engine", s.Engine.Id);
        w.WriteStartObject("settings");
        NullableNumber(w, "npuMemSizeGiB", s.NpuMemSizeGiB);
        w.WriteNumber("memoryFraction", s.MemoryFraction);
        w.WriteNumber("cacheBlockSize", s.CacheBlockSize);
        w.WriteNumber("maxSeqLen", s.MaxSeqLen);
        w.WriteNumber("maxInputTokenLen", s.MaxInputTokenLen);
        w.WriteNumber("maxIterTimes", s.MaxIterTimes);
        w.WriteNumber("maxPrefillTokens", s.MaxPrefillTokens);
        w.WriteNumber("maxPrefillBatchSize", s.MaxPrefillBatchSize);
        w.WriteNumber("maxBatchSize", s.MaxBatchSize);
        w.WriteNumber("speculativeTokens", s.SpeculativeTokens);
        w.WriteEndObject();
    }

    private static void Card(Utf8JsonWriter w, CardBudget c)
    {
        w.WriteStartObject();
        w.WriteNumber("card", c.Card);
        w.WriteNumber("weightsBytes", c.Weights.Total.Value);
        w.WriteNumber("kvCacheBytes", c.KvCache.Value);
        w.WriteNumber("runtimeBytes", c.Runtime.Value);
        w.WriteNumber("communicationBytes", c.Communication.Value);
        w.WriteNumber("systemBytes", c.System.Value);
        w.WriteNumber("totalBytes", c.Total.Value);
        w.WriteNumber("capacityBytes", c.Capacity.Value);
        w.WriteNumber("freeBytes", c.Free.Value);
        w.WriteNumber("kvAvailableBytes", c.KvAvailable.Value);
        w.WriteNumber("expertsPerLayer", c.Weights.ExpertsPerLayer);
        w.WriteStartObject("weights");
        w.WriteNumber("parameters", c.Weights.Parameters);
        w.WriteNumber("embeddingBytes", c.Weights.Embedding.Value);
        w.WriteNumber("lmHeadBytes", c.Weights.LmHead.Value);
        w.WriteNumber("attentionBytes", c.Weights.Attention.Value);
        w.WriteNumber("mlpBytes", c.Weights.Mlp.Value);
        w.WriteNumber("expertsBytes", c.Weights.Experts.Value);
        w.WriteNumber("smallBytes", c.Weights.Small.Value);
        w.WriteNumber("mtpBytes", c.Weights.Mtp.Value);
        w.WriteEndObject();
        w.WriteString("verdict", c.Verdict.ToId());
        w.WriteEndObject();
    }

    private static void Diagnostics(Utf8JsonWriter w, IReadOnlyList<Diagnostic> diagnostics)
    {
        w.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("id", d.Id);
            w.WriteString("severity", d.Severity.ToId());
            w.WriteString("message", d.Message);
            if (d.Location.IsKnown)
            {
                w.WriteString("file", d.Location.File);
                w.WriteNumber("line", d.Location.Line);
                w.WriteNumber("column", d.Location.Column);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void NullableNumber(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

}
