using System.Globalization;
using PerfGate.Diagnostics;

namespace PerfGate.Memory;

/// <summary>
/// MindIE's checks on keys that only its config.json has (the ranges shared with scenarios, such as cacheBlockSize,
/// npuMemSize and maxPrefillTokens, are in <see cref="MemoryRequestValidator"/>): instance count, worldSize against the
/// device list, backendType, templateType, preemption, queue delay, sp and cp.
/// </summary>
internal static class MindieConfigChecks
{
    private static readonly string[] BackendTypes = ["atb", "torch", "ms"];
    private static readonly string[] TemplateTypes = ["Standard", "Mix"];

    public static IEnumerable<Diagnostic> Check(MindieConfig c)
    {
        Diagnostic Error(string key, FormattableString message) => Diagnostic.Error(DiagnosticIds.EngineParameterOutOfRange, message.ToString(CultureInfo.InvariantCulture), c.LocationOf(key));

        if (c.ModelInstanceNumber is { } n && (n < 1 || n > 10))
        {
            yield return Error("modelInstanceNumber", $"modelInstanceNumber {n} is out of range [1, 10]");
        }
        else if (c.MultiNodesInferEnabled && c.ModelInstanceNumber is > 1)
        {
            yield return Error("modelInstanceNumber", $"modelInstanceNumber must be 1 with multiNodesInferEnabled, got {c.ModelInstanceNumber}");
        }

        if (!c.MultiNodesInferEnabled && c.NpuDeviceCount is { } devices && devices != c.EffectiveWorldSize)
        {
            yield return Error("worldSize", $"worldSize {c.EffectiveWorldSize} does not match the {devices} NPU(s) in npuDeviceIds; set worldSize to {devices} or list {c.EffectiveWorldSize} device ids");
        }

        if (c.BackendType is { } backend && !BackendTypes.Contains(backend, StringComparer.Ordinal))
        {
            yield return Error("backendType", $"backendType \"{backend}\" is not one of {string.Join(", ", BackendTypes)}");
        }

        if (c.TemplateType is { } template && !TemplateTypes.Contains(template, StringComparer.Ordinal))
        {
            yield return Error("templateType", $"templateType \"{template}\" is not one of Standard, Mix");
        }

        var maxBatch = c.MaxBatchSize ?? EngineDefaults.MaxBatchSize;
        if (c.MaxPreemptCount is { } preempt && preempt > maxBatch)
        {
            yield return Error("maxPreemptCount", $"maxPreemptCount {preempt} is out of range [0, maxBatchSize = {maxBatch}]");
        }
        else if (c.MaxPreemptCount is > 0 && c.CpuMemSize is null or 0)
        {
            yield return Error("cpuMemSize", $"maxPreemptCount {c.MaxPreemptCount} swaps preempted KV to host memory, so cpuMemSize must be greater than 0 (GiB)");
        }

        if (c.MaxQueueDelayMicroseconds is { } delay && (delay < 500 || delay > 1_000_000))
        {
            yield return Error("maxQueueDelayMicroseconds", $"maxQueueDelayMicroseconds {delay} is out of range [500, 1000000]");
        }

        if (c.Sp is > 1 && c.Sp != c.EffectiveTp)
        {
            yield return Error("sp", $"sp {c.Sp} must equal tp {c.EffectiveTp} when sequence parallel is used");
        }

        if (c.Cp is > 1)
        {
            if (c.EffectiveDp != 1 || c.EffectiveTp * c.Cp != c.EffectiveWorldSize)
            {
                yield return Error("cp", $"with cp {c.Cp}, dp must be 1 and dp x tp x cp must equal worldSize {c.EffectiveWorldSize} (got dp {c.EffectiveDp}, tp {c.EffectiveTp})");
            }
            else
            {
                yield return Diagnostic.Warning(DiagnosticIds.InvalidSetting, string.Create(CultureInfo.InvariantCulture, $"context parallel (cp {c.Cp}) is not modelled: the budget treats the instance as tp {c.EffectiveTp} on {c.EffectiveTp} cards"), c.LocationOf("cp"));
            }
        }

        if (c.MaxInputTokenLen is { } input && input >= (c.MaxSeqLen ?? EngineDefaults.MaxSeqLen))
        {
            yield return Diagnostic.Warning(DiagnosticIds.EngineParameterOutOfRange, string.Create(CultureInfo.InvariantCulture, $"maxInputTokenLen {input} is not below maxSeqLen {c.MaxSeqLen ?? EngineDefaults.MaxSeqLen}; MindIE uses min(maxInputTokenLen, maxSeqLen - 1) = {(c.MaxSeqLen ?? EngineDefaults.MaxSeqLen) - 1} and leaves no room for output"), c.LocationOf("maxInputTokenLen"));
        }
    }
}
