using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Memory.Engines;
using PerfGate.Scenarios;

namespace PerfGate.Memory;

/// <summary>
/// Range checks on the scheduler limits (MindIE's src/config_manager/schedule_config.cpp, model_deploy_config.cpp,
/// config_manager_impl.cpp; memory-budgets.md 1.1), the engine's own checks (<see cref="IEngineConvention"/>: block size,
/// prefill tokens) and the parallel-layout rules, worded by the engine, as PG4003 errors pointing at the key.
/// </summary>
public static class MemoryRequestValidator
{
    public const int MaxTokenLimit = 4_194_304;
    public const int MaxBatchSizeLimit = 819_200;

    public static IReadOnlyList<Diagnostic> Validate(MemoryRequest request, MemorySettingsUsed s)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(s);
        var d = new List<Diagnostic>();
        void Error(string key, string message) => d.Add(Diagnostic.Error(DiagnosticIds.EngineParameterOutOfRange, message, request.LocationOf(key)));
        var engine = s.Engine;
        var p = request.Parallelism;

        if (engine.BlockSizeProblem(s.CacheBlockSize) is { } blockProblem)
        {
            Error("cacheBlockSize", blockProblem);
        }

        if (s.MaxSeqLen < 1)
        {
            Error("maxSeqLen", F($"maxSeqLen {s.MaxSeqLen} must be greater than 0"));
        }

        if (request.MaxInputTokenLen is { } inLen && (inLen < 1 || inLen > MaxTokenLimit))
        {
            Error("maxInputTokenLen", F($"maxInputTokenLen {inLen} is out of range [1, {MaxTokenLimit}]"));
        }

        if (s.MaxPrefillTokens < 1 || s.MaxPrefillTokens > MaxTokenLimit)
        {
            Error("maxPrefillTokens", F($"maxPrefillTokens {s.MaxPrefillTokens} is out of range [1, {MaxTokenLimit}]"));
        }
        else if (engine.PrefillTokensProblem(request, s) is { } prefillProblem)
        {
            Error("maxPrefillTokens", prefillProblem);
        }

        if (s.MaxBatchSize < 1 || s.MaxBatchSize > MaxBatchSizeLimit)
        {
            Error("maxBatchSize", F($"maxBatchSize {s.MaxBatchSize} is out of range [1, {MaxBatchSizeLimit}]"));
        }

        if (s.MaxPrefillBatchSize < 0 || s.MaxPrefillBatchSize > s.MaxBatchSize)
        {
            Error("maxPrefillBatchSize", F($"maxPrefillBatchSize {s.MaxPrefillBatchSize} is out of range [1, maxBatchSize = {s.MaxBatchSize}] (0 means maxBatchSize)"));
        }

        if (s.MaxIterTimes < 1 || s.MaxIterTimes > s.MaxSeqLen)
        {
            Error("maxIterTimes", F($"maxIterTimes {s.MaxIterTimes} is out of range [1, maxSeqLen = {s.MaxSeqLen}]"));
        }

        if (request.NpuMemSize is 0)
        {
            Error("npuMemSize", "npuMemSize 0 is invalid; use -1 (automatic, from NPU_MEMORY_FRACTION) or the KV cache size per NPU in GiB");
        }
        else if (request.NpuMemSize is < -1)
        {
            Error("npuMemSize", F($"npuMemSize {request.NpuMemSize} is invalid; use -1 (automatic) or a positive size in GiB"));
        }

        if (!(s.MemoryFraction > 0 && s.MemoryFraction <= 1))
        {
            Error("memoryFraction", F($"memory fraction {s.MemoryFraction} is out of range (0, 1]"));
        }

        ValidateParallelism(request, engine, p, Error);
        return d;
    }

    private static void ValidateParallelism(MemoryRequest request, IEngineConvention engine, MemoryParallelism p, Action<string, string> error)
    {
        if (p.Cards < 1 || p.Tp < 1 || p.Dp < 1 || p.MoeEp < 1 || p.MoeTp < 0)
        {
            error("worldSize", F($"worldSize {p.Cards}, tp {p.Tp}, dp {p.Dp}, moe_ep {p.MoeEp} must all be 1 or more"));
            return;
        }

        if (p.Cards > Parallelism.MaxCards)
        {
            error("worldSize", F($"worldSize {p.Cards} is more than the {Parallelism.MaxCards} cards PerfGate budgets (one budget per card); use at most {Parallelism.MaxCards}"));
            return;
        }

        if ((long)p.Tp * p.Dp != p.Cards)
        {
            error("tp", F($"tp {p.Tp} x dp {p.Dp} = {(long)p.Tp * p.Dp} does not equal worldSize {p.Cards}; {engine.LayoutRequirement("tp x dp = worldSize")}"));
        }

        var m = request.Model;
        if (m.Moe is { } moe)
        {
            if ((long)p.EffectiveMoeTp * p.MoeEp != p.Cards)
            {
                error("moe_ep", F($"moe_tp {p.EffectiveMoeTp} x moe_ep {p.MoeEp} = {(long)p.EffectiveMoeTp * p.MoeEp} does not equal worldSize {p.Cards}; {engine.LayoutRequirement("moe_tp x moe_ep = worldSize")}"));
            }

            if (p.MoeEp > moe.RoutedExperts)
            {
                error("moe_ep", F($"moe_ep {p.MoeEp} is more than the model's {moe.RoutedExperts} routed experts; some cards would hold none"));
            }
        }
        else if (p.MoeEp > 1)
        {
            error("moe_ep", F($"moe_ep {p.MoeEp} is set but {m.Id} is a dense model; remove it or set 1"));
        }

        if (m.AttentionHeads % p.Tp != 0)
        {
            error("tp", F($"tp {p.Tp} does not divide the {m.AttentionHeads} attention heads of {m.Id}; use a divisor of {m.AttentionHeads}"));
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
