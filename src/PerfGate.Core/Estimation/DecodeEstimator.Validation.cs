using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation.Calibration;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Estimation;

public static partial class DecodeEstimator
{
    /// <summary>Every problem with a request, errors first found first; empty when it can be estimated.</summary>
    /// <remarks>The list is made on the first problem: a request with none (every estimate of a clean workspace)
    /// gets the shared empty array.</remarks>
    public static IReadOnlyList<Diagnostic> Validate(DecodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        List<Diagnostic>? list = null;
        var m = request.Model;
        var hw = request.Hardware;
        var p = request.Parallelism;
        var at = m.Location.IsKnown ? m.Location : hw.Location;
        void Add(Diagnostic diagnostic) => (list ??= []).Add(diagnostic);
        void Error(string id, string message) => Add(Diagnostic.Error(id, message, at));

        if (request.Batch < 1)
        {
            Error(DiagnosticIds.InvalidDecodeSetting, Inv($"batch {request.Batch} must be at least 1 (sequences per attention-DP rank)"));
        }

        if (request.Context < 0)
        {
            Error(DiagnosticIds.InvalidDecodeSetting, Inv($"context {request.Context} must be zero or more tokens"));
        }

        if (request.Mtp < 0 || request.Mtp > 16)
        {
            Error(DiagnosticIds.InvalidDecodeSetting, Inv($"mtp {request.Mtp} must be between 0 and 16 speculative tokens"));
        }

        if (!(request.MtpAcceptance is >= 0 and <= 1))
        {
            Error(DiagnosticIds.InvalidDecodeSetting, Inv($"MTP acceptance {request.MtpAcceptance} must be between 0 and 1 (the DeepSeek EP post uses 0.85)"));
        }

        AddParallelismProblems(ref list, m, p, at);
        if (!p.DegreesInRange)
        {
            return list ?? (IReadOnlyList<Diagnostic>)[];
        }

        var denseMlpUsed = m.Moe is null || m.Moe.FirstDenseLayers > 0;
        if (denseMlpUsed && m.IntermediateSize % p.Tp != 0)
        {
            Error(DiagnosticIds.InvalidParallelism, Inv($"TP {p.Tp} does not divide the MLP intermediate size {m.IntermediateSize} of {m.Id}"));
        }

        var cards = p.Tp * p.Dp;
        if (m.Moe is null && p.Ep > 1)
        {
            Error(DiagnosticIds.InvalidParallelism, Inv($"EP {p.Ep} needs a mixture-of-experts model; {m.Id} is dense (use --ep 1)"));
        }
        else if (m.Moe is { } moe)
        {
            if (p.Ep > cards)
            {
                Error(DiagnosticIds.InvalidParallelism, Inv($"EP {p.Ep} is larger than the {cards} cards of the deployment (TP {p.Tp} x DP {p.Dp}); raise DP to at least {(p.Ep + p.Tp - 1) / p.Tp} or lower EP"));
            }
            else if (cards % p.Ep != 0)
            {
                Error(DiagnosticIds.InvalidParallelism, Inv($"EP {p.Ep} does not divide the {cards} cards (TP {p.Tp} x DP {p.Dp}); each expert must be sliced over the same number of cards"));
            }
            else if (moe.ExpertIntermediateSize % (cards / p.Ep) != 0)
            {
                Error(DiagnosticIds.InvalidParallelism, Inv($"the expert intermediate size {moe.ExpertIntermediateSize} cannot be split over {cards / p.Ep} cards per expert (cards / EP)"));
            }

            if (p.Ep > moe.RoutedExperts)
            {
                // Not an error: the DeepSeek EP post searches EP 320 for 256 experts, each card holding one expert and
                // the extra cards holding redundant copies. The user should know that is what the figure assumes.
                Add(Diagnostic.Warning(DiagnosticIds.InvalidParallelism, Inv($"EP {p.Ep} is more than the {moe.RoutedExperts} routed experts of {m.Id}: each card holds one expert and {p.Ep - moe.RoutedExperts} cards hold redundant copies; use EP {moe.RoutedExperts} or less unless you deploy redundant experts"), at));
            }

            var shared = moe.SharedExpertIntermediateSize > 0 ? moe.SharedExpertIntermediateSize : moe.SharedExperts * moe.ExpertIntermediateSize;
            if (shared % p.Tp != 0)
            {
                Error(DiagnosticIds.InvalidParallelism, Inv($"TP {p.Tp} does not divide the shared-expert intermediate size {shared} of {m.Id}"));
            }

            if (p.Ep > 1 && request.Nic is null && hw.IntraNodeBandwidth is null)
            {
                Error(DiagnosticIds.MissingLink, Inv($"EP {p.Ep} sends tokens between cards, but there is no NIC and {hw.Id} has no intraNodeBandwidth; pass --nic (e.g. cx7-400g)"));
            }
        }

        if (p.Tp > 1 && hw.IntraNodeBandwidth is null)
        {
            Error(DiagnosticIds.MissingLink, Inv($"TP {p.Tp} all-reduces over the intra-node link, but {hw.Id} has no intraNodeBandwidth"));
        }

        if (request.Layers == LayerTreatment.SeedSparseTimesAllLayers && m.Moe is null)
        {
            Error(DiagnosticIds.InvalidDecodeSetting, $"the DeepSeek EP post's layer rule (sparse-layer time x all layers, --layers sparse-times-all) needs a mixture-of-experts model; {m.Id} is dense");
        }

        var weights = request.Dtypes.Weights;
        var nonExpert = request.Dtypes.EffectiveNonExpertWeights;
        if (TimingContext.PeakOf(hw, weights) is null)
        {
            Error(DiagnosticIds.UnsupportedDataType, $"{hw.Id} has no {weights.ToId()} matrix throughput in its profile; use one of {string.Join(", ", SupportedTypes(hw))}");
        }

        if (nonExpert != weights && TimingContext.PeakOf(hw, nonExpert) is null)
        {
            Error(DiagnosticIds.UnsupportedDataType, $"{hw.Id} has no {nonExpert.ToId()} matrix throughput in its profile; use one of {string.Join(", ", SupportedTypes(hw))}");
        }

        if (request.Efficiency == EfficiencySource.Measured)
        {
            if (request.Calibration is null)
            {
                Error(DiagnosticIds.EfficiencyDataMissing, $"efficiency 'measured' needs calibration tables, but none were given for {hw.Id}; set its calibrationTables ({CalibrationReference.EmbeddedPattern} or a folder) or use --efficiency published|roofline");
            }
            else
            {
                foreach (var type in (ReadOnlySpan<DataType>)[weights, nonExpert])
                {
                    var lookup = type == DataType.Fp16 ? DataType.Bf16 : type;
                    if (!request.Calibration.Gemm.Has(lookup) && !HasMissingRowsWarning(list, type))
                    {
                        Add(Diagnostic.Warning(DiagnosticIds.EfficiencyDataMissing, $"{request.Calibration.Source} has no {type.ToId()} GEMM rows; those GEMMs use the plain roofline", at));
                    }
                }
            }
        }

        if (request.Pipeline == PipelineKind.DualMicroBatch && (m.Moe is null || p.Ep == 1))
        {
            Add(Diagnostic.Info(DiagnosticIds.InvalidDecodeSetting, "the dual micro-batch pipeline overlaps expert-parallel communication with compute; without EP there is nothing to overlap and the step is the naive sum", at));
        }

        return list ?? (IReadOnlyList<Diagnostic>)[];
    }

    /// <summary>Whether <see cref="Validate"/> already warned that the tables have no GEMM rows of this type.</summary>
    private static bool HasMissingRowsWarning(List<Diagnostic>? list, DataType type)
    {
        if (list is not null)
        {
            var text = $" {type.ToId()} GEMM rows";
            foreach (var d in list)
            {
                if (d.Message.Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The parallelism rules every estimate relies on, whatever it computes: TP, DP and EP at least 1 and within
    /// <see cref="Parallelism.MaxCards"/>, TP dividing the model's attention heads, and (without MLA) TP dividing the
    /// KV heads or being a multiple of them (then each KV head is replicated). The errors are located at
    /// <paramref name="at"/>; the scenario evaluator and the workspace loader relocate them to <c>parallelism.tp</c>.
    /// </summary>
    public static IReadOnlyList<Diagnostic> ValidateParallelism(ModelSpec m, Parallelism p, SourceLocation at)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(p);
        List<Diagnostic>? list = null;
        AddParallelismProblems(ref list, m, p, at);
        return list ?? (IReadOnlyList<Diagnostic>)[];
    }

    /// <summary><see cref="ValidateParallelism"/> into <see cref="Validate"/>'s list (no second list per estimate).</summary>
    private static void AddParallelismProblems(ref List<Diagnostic>? list, ModelSpec m, Parallelism p, SourceLocation at)
    {
        if (ParallelismProblem(m, p) is { } message)
        {
            (list ??= []).Add(Diagnostic.Error(DiagnosticIds.InvalidParallelism, message, at));
        }
    }

    /// <summary>The first broken parallelism rule, or null (one at most: each rule assumes the ones before it hold).</summary>
    private static string? ParallelismProblem(ModelSpec m, Parallelism p)
    {
        if (p.Tp < 1 || p.Dp < 1 || p.Ep < 1)
        {
            return Inv($"TP {p.Tp}, DP {p.Dp} and EP {p.Ep} must each be at least 1");
        }

        if ((long)p.Tp * p.Dp > Parallelism.MaxCards || p.Ep > Parallelism.MaxCards)
        {
            return Inv($"TP {p.Tp} x DP {p.Dp} = {(long)p.Tp * p.Dp} cards with EP {p.Ep} is more than the {Parallelism.MaxCards} cards PerfGate models; use degrees whose product is at most {Parallelism.MaxCards}");
        }

        if (m.AttentionHeads % p.Tp != 0)
        {
            return Inv($"TP {p.Tp} does not divide the {m.AttentionHeads} attention heads of {m.Id}; use a TP of {Divisors(m.AttentionHeads)}");
        }

        if (m.Mla is null && m.KeyValueHeads % p.Tp != 0 && p.Tp % m.KeyValueHeads != 0)
        {
            return Inv($"TP {p.Tp} neither divides nor is a multiple of the {m.KeyValueHeads} KV heads of {m.Id}; KV heads cannot be split or replicated evenly");
        }

        return null;
    }

    private static Diagnostic DoesNotFit(DecodeRequest request, DecodeMemory memory)
    {
        var at = request.Model.Location.IsKnown ? request.Model.Location : request.Hardware.Location;
        return Diagnostic.Error(
            DiagnosticIds.DoesNotFit,
            Inv($"batch {request.Batch} does not fit on {request.Hardware.Id}: weights {memory.WeightBytesPerCard} + KV cache {memory.KvBytesAtBatch} ({request.Batch} x {memory.KvBytesPerSequence} at context {request.Context}) exceed {memory.Capacity}; the largest batch that fits is {memory.MaxBatch}"),
            at);
    }

    private static IEnumerable<string> SupportedTypes(HardwareSpec hw) =>
        Enum.GetValues<DataType>().Where(t => TimingContext.PeakOf(hw, t) is not null).Select(t => t.ToId());

    private static string Divisors(int n) =>
        string.Join(", ", Enumerable.Range(1, n).Where(d => n % d == 0 && d <= 64));

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
