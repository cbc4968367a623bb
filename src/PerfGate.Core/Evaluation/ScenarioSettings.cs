using System.Globalization;
using System.Runtime.CompilerServices;
using PerfGate.Catalog;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Evaluation;

/// <summary>
/// The settings a snapshot records: every field of the scenario and the catalog figures the estimates read,
/// flattened to dotted keys with invariant text. When a baseline drifts, the gate diffs these against the
/// baseline's to say which fields changed ("decode.batch: 8 -> 16", "hardware.memoryBandwidth: ...").
/// Listed explicitly (no reflection) so the list is stable and cheap; RecordedSettingsTests changes every catalog figure
/// this list leaves out and fails when an estimate moves, so a figure the estimators read cannot be missing here.
/// </summary>
public static class ScenarioSettings
{
    public static IEnumerable<KeyValuePair<string, string>> Flatten(ScenarioSpec s, CatalogSet catalog)
    {
        yield return Pair("model", s.Model);
        yield return Pair("hardware", s.Hardware);
        if (s.Nic is not null)
        {
            yield return Pair("nic", s.Nic);
        }

        yield return Pair("cards", s.EffectiveCards);
        yield return Pair("parallelism.tp", s.Parallelism.Tp);
        yield return Pair("parallelism.ep", s.Parallelism.Ep);
        yield return Pair("parallelism.dp", s.Parallelism.Dp);
        yield return Pair("dtypes.weights", s.Dtypes.Weights.ToId());
        yield return Pair("dtypes.kv", s.Dtypes.Kv.ToId());
        yield return Pair("dtypes.activations", s.Dtypes.Activations.ToId());
        yield return Pair("dtypes.nonExpertWeights", s.Dtypes.EffectiveNonExpertWeights.ToId());
        foreach (var p in Decode(s.Decode).Concat(Search(s.Search)).Concat(Memory(s.Memory)).Concat(PrefillFigures.Settings(s.Prefill, catalog)))
        {
            yield return p;
        }

        if (catalog.Hardware.TryGetValue(s.Hardware, out var hw))
        {
            foreach (var p in HardwareOnce.GetValue(hw, h => Hardware("hardware", h).ToArray()))
            {
                yield return p;
            }
        }

        if (s.Nic is not null && catalog.Nics.TryGetValue(s.Nic, out var nic))
        {
            yield return Pair("nic.effectiveBandwidth", nic.EffectiveBandwidth.Value);
        }

        if (catalog.Models.TryGetValue(s.Model, out var model))
        {
            foreach (var p in ModelOnce.GetValue(model, m => Model(m).ToArray()))
            {
                yield return p;
            }
        }
    }

    /// <summary>
    /// A catalog entry's settings, flattened once per entry: the scenarios of a workspace share a few models and hardware
    /// profiles, so each figure is formatted and each key built once per run, not once per scenario (the snapshots then
    /// share those strings). Specs are immutable records, so an entry's settings never change.
    /// </summary>
    private static readonly ConditionalWeakTable<HardwareSpec, KeyValuePair<string, string>[]> HardwareOnce = new();

    /// <inheritdoc cref="HardwareOnce"/>
    private static readonly ConditionalWeakTable<ModelSpec, KeyValuePair<string, string>[]> ModelOnce = new();

    private static IEnumerable<KeyValuePair<string, string>> Decode(DecodeSettings? d)
    {
        if (d is null)
        {
            yield break;
        }

        yield return Pair("decode.batch", d.Batch);
        yield return Pair("decode.context", d.Context);
        yield return Pair("decode.mtp", d.Mtp);
        yield return Pair("decode.mtpAcceptance", d.MtpAcceptance);
        yield return Pair("decode.pipeline", d.Pipeline.ToId());
        if (d.Efficiency is { } e)
        {
            yield return Pair("decode.efficiency", e.ToId());
        }

        if (d.Implementation is { } i)
        {
            yield return Pair("decode.implementation", i);
        }

        if (d.HostOverhead is { } host)
        {
            yield return Pair("decode.hostOverhead", host.Seconds);
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Search(SearchSettings? s)
    {
        if (s is null)
        {
            yield break;
        }

        yield return Pair("search.hardware", string.Join(",", s.Hardware));
        yield return Pair("search.nics", string.Join(",", s.Nics));
        yield return Pair("search.targetUserTokensPerSecond", string.Join(",", s.TargetUserTokensPerSecond.Select(Number)));
        yield return Pair("search.mtp", string.Join(",", s.Mtp.Select(m => Number(m))));
        yield return Pair("search.elementSizes", string.Join(",", s.ElementSizes.Select(e => Number(e.KvBytes) + "/" + Number(e.NonExpertBytes))));
        yield return Pair("search.pipelines", string.Join(",", s.Pipelines.Select(p => p.ToId())));
        yield return Pair("search.expertParallel", string.Join(",", s.ExpertParallel.Select(e => Number(e))));
        yield return Pair("search.context", s.Context);
        yield return Pair("search.maxBatch", s.MaxBatch);
        yield return Pair("search.batchStep", s.BatchStep);
    }

    private static IEnumerable<KeyValuePair<string, string>> Memory(MemorySettings? m)
    {
        if (m is null)
        {
            yield break;
        }

        yield return Pair("memory.engine", m.Engine.Id);
        var optional = new (string Key, object? Value)[]
        {
            ("memory.mindieConfig", m.MindieConfig),
            ("memory.npuMemSize", m.NpuMemSize),
            ("memory.memoryFraction", m.MemoryFraction),
            ("memory.cacheBlockSize", m.CacheBlockSize),
            ("memory.maxSeqLen", m.MaxSeqLen),
            ("memory.maxInputTokenLen", m.MaxInputTokenLen),
            ("memory.maxIterTimes", m.MaxIterTimes),
            ("memory.maxPrefillTokens", m.MaxPrefillTokens),
            ("memory.maxPrefillBatchSize", m.MaxPrefillBatchSize),
            ("memory.maxBatchSize", m.MaxBatchSize),
            ("memory.inputTokens", m.InputTokens),
            ("memory.outputTokens", m.OutputTokens),
            ("memory.communicationBufferSize", m.CommunicationBufferSize?.Value),
        };
        foreach (var (key, value) in optional)
        {
            if (value is not null)
            {
                yield return new(key, Convert.ToString(value, CultureInfo.InvariantCulture)!);
            }
        }
    }

    /// <summary>The figures of a hardware profile that the estimates read (bytes, bytes/s, FLOP/s, seconds).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Hardware(string prefix, HardwareSpec hw)
    {
        yield return Pair(prefix + ".memory", hw.Memory.Value);
        yield return Pair(prefix + ".memoryBandwidth", hw.MemoryBandwidth.Value);
        yield return Pair(prefix + ".bf16", hw.Bf16.Value);
        if (hw.Fp8 is { } fp8)
        {
            yield return Pair(prefix + ".fp8", fp8.Value);
        }

        if (hw.Int8 is { } int8)
        {
            yield return Pair(prefix + ".int8", int8.Value);
        }

        if (hw.IntraNodeBandwidth is { } link)
        {
            yield return Pair(prefix + ".intraNodeBandwidth", link.Value);
        }

        if (hw.Exp2 is { } exp2)
        {
            yield return Pair(prefix + ".exp2", exp2.Value);
        }

        if (hw.Reduce is { } reduce)
        {
            yield return Pair(prefix + ".reduce", reduce.Value);
        }

        if (hw.Fp16 is { } fp16)
        {
            yield return Pair(prefix + ".fp16", fp16.Value);
        }

        if (hw.IntraNodeLink is { } linkKind)
        {
            yield return Pair(prefix + ".intraNodeLink", linkKind.ToString().ToLowerInvariant());
        }

        yield return Pair(prefix + ".twoStageFa3", hw.TwoStageFa3);
        yield return Pair(prefix + ".threeStageFa3", hw.ThreeStageFa3);
        yield return Pair(prefix + ".kernelLaunchOverhead", hw.KernelLaunchOverhead.Seconds);
        yield return Pair(prefix + ".systemReservedMemory", hw.SystemReservedMemory.Value);
        yield return Pair(prefix + ".efficiency", hw.Efficiency.ToId());
        if (hw.CalibrationTransfer is { } t)
        {
            yield return Pair(prefix + ".calibration.from", t.From);
            yield return Pair(prefix + ".calibration.transfer", "spec-ratio");
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Model(ModelSpec m)
    {
        yield return Pair("model.layers", m.Layers);
        yield return Pair("model.hiddenSize", m.HiddenSize);
        yield return Pair("model.attentionHeads", m.AttentionHeads);
        yield return Pair("model.keyValueHeads", m.KeyValueHeads);
        yield return Pair("model.headDim", m.HeadDim);
        yield return Pair("model.intermediateSize", m.IntermediateSize);
        yield return Pair("model.vocabSize", m.VocabSize);
        yield return Pair("model.tiedEmbeddings", m.TiedEmbeddings);
        yield return Pair("model.qkvBias", m.QkvBias);
        yield return Pair("model.qkNorm", m.QkNorm);
        if (m.Moe is { } moe)
        {
            yield return Pair("model.moe.routedExperts", moe.RoutedExperts);
            yield return Pair("model.moe.expertsPerToken", moe.ExpertsPerToken);
            yield return Pair("model.moe.expertIntermediateSize", moe.ExpertIntermediateSize);
            yield return Pair("model.moe.sharedExperts", moe.SharedExperts);
            yield return Pair("model.moe.sharedExpertIntermediateSize", moe.SharedExpertIntermediateSize);
            yield return Pair("model.moe.sharedExpertGate", moe.SharedExpertGate);
            yield return Pair("model.moe.routerBias", moe.RouterBias);
            yield return Pair("model.moe.firstDenseLayers", moe.FirstDenseLayers);
        }

        if (m.Mla is { } mla)
        {
            yield return Pair("model.mla.kvLoraRank", mla.KvLoraRank);
            yield return Pair("model.mla.qkRopeHeadDim", mla.QkRopeHeadDim);
            yield return Pair("model.mla.qkNopeHeadDim", mla.QkNopeHeadDim);
            yield return Pair("model.mla.vHeadDim", mla.VHeadDim);
            if (mla.QLoraRank is { } qLoraRank)
            {
                yield return Pair("model.mla.qLoraRank", qLoraRank);
            }
        }
    }

    private static string Number(double v) => v.ToString(CultureInfo.InvariantCulture);

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);

    private static KeyValuePair<string, string> Pair(string key, double value) => new(key, Number(value));

    private static KeyValuePair<string, string> Pair(string key, bool value) => new(key, value ? "true" : "false");

    private static KeyValuePair<string, string> Pair(string key, long value) => new(key, value.ToString(CultureInfo.InvariantCulture));
}
