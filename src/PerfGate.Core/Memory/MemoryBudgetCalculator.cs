using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;

namespace PerfGate.Memory;

/// <summary>
/// Computes a <see cref="MemoryBudget"/> from a <see cref="MemoryRequest"/>. Pure: records in, record out. Per card:
/// <code>
/// resident  = weights + runtime + communication + system
/// KV        = the engine's rule (IEngineConvention.KvAvailable), e.g. MindIE npuMemSize = -1: total * NPU_MEMORY_FRACTION - resident
/// blocks    = min over cards of floor(KV / bytesPerBlock);  usable = blocks - reserved
/// perReq    = ceil(in / bs) + ceil(min(maxIterTimes, out) / bs)   (worst case in = maxInputTokenLen, out = maxSeqLen - in)
/// safe maxBatchSize = usable / perReq
/// </code>
/// </summary>
public static class MemoryBudgetCalculator
{
    /// <summary>Headroom below which a card that fits still gets a warning: about the gap seed 003 shows between estimate and npu-smi.</summary>
    public static readonly Bytes HeadroomMargin = new(Bytes.GiB);

    public static MemoryBudget Compute(MemoryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = Effective(request);
        var diagnostics = new List<Diagnostic>(MemoryRequestValidator.Validate(request, settings));
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new MemoryBudget { Settings = settings, PerCard = [], Verdict = MemoryVerdict.InvalidConfig, Diagnostics = diagnostics };
        }

        var m = request.Model;
        var p = request.Parallelism;
        var engine = request.Engine;
        var bs = settings.CacheBlockSize;
        var kv = KvCacheLayout.For(m, p.Tp, request.Dtypes.Kv, request.Dtypes.Activations, engine, bs, settings.SpeculativeTokens, IsAscend(request));
        var weights = WeightPlacement.Compute(m, p, request.Dtypes, settings.SpeculativeTokens >= 1);
        var runtime = RuntimeMemory.Estimate(m, p, request.Dtypes.Activations, settings.MaxPrefillTokens, settings.MaxBatchSize, settings.MaxPrefillBatchSize);
        var groups = engine.CommunicationGroups(m, p, request.CommunicationBufferSize);
        var comm = CommunicationBuffers.Total(groups);
        var capacity = request.Capacity ?? request.Hardware.Memory;
        var system = request.SystemReserved ?? request.Hardware.SystemReservedMemory;
        var f = settings.MemoryFraction;
        var blockBytes = kv.BytesPerBlock.Value;
        if (blockBytes <= 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.EngineParameterOutOfRange, F($"{m.Id} has no KV cache to budget (layers {m.Layers}, KV heads {m.KeyValueHeads}, head_dim {m.HeadDim}); check the model's config"), request.LocationOf("model")));
            return new MemoryBudget { Settings = settings, PerCard = [], Verdict = MemoryVerdict.InvalidConfig, Diagnostics = diagnostics };
        }

        var available = weights.Select(w => engine.KvAvailable(settings, new CardMemory(capacity, w.Total, runtime.Total, comm, system))).ToList();
        var kvBlocks = available.Min(a => a.Value > 0 ? a.Value / blockBytes : 0);
        var kvAllocated = new Bytes(kvBlocks * blockBytes);
        var usable = Math.Max(0, kvBlocks - engine.ReservedBlocks(p.Dp));

        var perRequest = BlocksPerRequest(settings.MaxInputTokenLen, Math.Min(settings.MaxIterTimes, settings.MaxSeqLen - settings.MaxInputTokenLen), bs);
        var safe = perRequest > 0 ? usable / perRequest : 0;
        int? typical = request.InputTokens is { } tin
            ? BlocksPerRequest(tin, Math.Min(settings.MaxIterTimes, request.OutputTokens ?? settings.MaxIterTimes), bs)
            : null;

        var cards = new List<CardBudget>(weights.Count);
        for (var i = 0; i < weights.Count; i++)
        {
            var card = new CardBudget
            {
                Card = i,
                Weights = weights[i],
                KvCache = kvAllocated,
                Runtime = runtime.Total,
                Communication = comm,
                System = system,
                Capacity = capacity,
                KvAvailable = available[i],
                Verdict = MemoryVerdict.Fits,
            };
            cards.Add(card with { Verdict = CardVerdict(card, settings, usable, safe, kv) });
        }

        var heaviest = new Bytes(weights.Max(w => w.Total.Value));
        var recommended = RecommendedNpuMemSize.Compute(capacity, f, heaviest, runtime.Total, comm, system);

        var budget = new MemoryBudget
        {
            Settings = settings,
            PerCard = cards,
            Kv = kv,
            Runtime = runtime,
            CommunicationGroups = groups,
            KvBlocks = kvBlocks,
            UsableKvBlocks = usable,
            BlocksPerRequest = perRequest,
            SafeMaxBatchSize = safe,
            TypicalBlocksPerRequest = typical,
            TypicalConcurrency = typical is > 0 ? usable / typical.Value : null,
            RecommendedNpuMemSizeGiB = recommended,
            Verdict = cards.Max(c => c.Verdict),
            Diagnostics = diagnostics,
        };
        diagnostics.AddRange(MemoryFindings.For(request, budget));
        return budget;
    }

    /// <summary>ceil(in / bs) + ceil(out / bs).</summary>
    public static int BlocksPerRequest(int inputTokens, int outputTokens, int blockSize) =>
        (int)(Sharding.CeilDiv(Math.Max(0, inputTokens), blockSize) + Sharding.CeilDiv(Math.Max(0, outputTokens), blockSize));

    internal static MemorySettingsUsed Effective(MemoryRequest r)
    {
        var maxSeq = r.MaxSeqLen ?? EngineDefaults.MaxSeqLen;
        var maxBatch = r.MaxBatchSize ?? EngineDefaults.MaxBatchSize;
        var prefillBatch = r.MaxPrefillBatchSize ?? EngineDefaults.MaxPrefillBatchSize;
        return new MemorySettingsUsed
        {
            Engine = r.Engine,
            NpuMemSizeGiB = r.Engine.ReadsMindieConfig && r.NpuMemSize is > 0 ? r.NpuMemSize : null,
            MemoryFraction = r.MemoryFraction ?? r.Engine.DefaultMemoryFraction,
            CacheBlockSize = r.CacheBlockSize ?? r.Engine.DefaultBlockSize(IsAscend(r)),
            MaxSeqLen = maxSeq,
            MaxInputTokenLen = Math.Max(0, Math.Min(r.MaxInputTokenLen ?? EngineDefaults.MaxInputTokenLen, maxSeq - 1)),
            MaxIterTimes = r.MaxIterTimes ?? EngineDefaults.MaxIterTimes,
            MaxPrefillTokens = r.MaxPrefillTokens ?? EngineDefaults.MaxPrefillTokens,
            MaxPrefillBatchSize = prefillBatch == 0 ? maxBatch : prefillBatch,
            MaxBatchSize = maxBatch,
            SpeculativeTokens = Math.Max(0, r.SpeculativeTokens),
        };
    }

    internal static bool IsAscend(MemoryRequest r) =>
        r.Hardware.Id.StartsWith("ascend", StringComparison.OrdinalIgnoreCase)
        || r.Hardware.Vendor.Contains("huawei", StringComparison.OrdinalIgnoreCase)
        || r.Hardware.Vendor.Contains("ascend", StringComparison.OrdinalIgnoreCase);

    private static MemoryVerdict CardVerdict(CardBudget c, MemorySettingsUsed s, long usable, long safe, KvCacheLayout kv)
    {
        var resident = c.Weights.Total + c.Runtime + c.Communication + c.System;
        var oneLongRequest = Sharding.CeilDiv(s.MaxSeqLen, kv.BlockSize);
        if (resident >= c.Capacity || usable < oneLongRequest)
        {
            return MemoryVerdict.DoesNotFit;
        }

        if (c.Total > c.Capacity)
        {
            return MemoryVerdict.OutOfMemoryRisk;
        }

        return s.MaxBatchSize > safe ? MemoryVerdict.PreemptionRisk : MemoryVerdict.Fits;
    }

    internal static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
