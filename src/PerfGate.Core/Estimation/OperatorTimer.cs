using System.Runtime.CompilerServices;
using PerfGate.Catalog;
using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>
/// Times one operator with the request's efficiency source (internal; <see cref="KernelCostModel"/> is the public
/// face). Every kernel outside the seed and roofline sources costs a fixed part plus its work: table rows carry
/// it already, element-wise and roofline-derived kernels add it (README, "Per-kernel cost").
/// </summary>
internal static class OperatorTimer
{
    public static OperatorEstimate Time(ref OpSpec op, TimingContext c)
    {
        var seconds = Seconds(ref op, c, out var roofline, out var bound, out var origin);
        return Estimate(ref op, seconds, roofline, bound, origin);
    }

    /// <summary>The operator as reported: its figures, its time per instance and how that time was reached.</summary>
    /// <remarks>Inlined so the record is built in its array slot: a returned 96-byte struct is built on the stack and
    /// copied, which cost the DeepSeek-V3 estimate about 0.25 us for its 50 operators.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static OperatorEstimate Estimate(ref OpSpec op, double seconds, double roofline, Bound bound, EfficiencyOrigin origin) =>
        new(op.Name, op.Kind, op.Scope, op.Stage, op.Instances, op.M, op.N, op.K, op.Flops, op.Bytes, op.WeightBytes, op.ResidentWeightBytes,
            Duration.FromSeconds(seconds), bound, origin, seconds > 0 ? roofline / seconds : 1);

    /// <summary>Seconds per instance of one operator, with its roofline, what bounds it and where its efficiency came from.</summary>
    public static double Seconds(ref OpSpec op, TimingContext c, out double roofline, out Bound bound, out EfficiencyOrigin origin)
    {
        double seconds;
        switch (op.Kind)
        {
            case OperatorKind.Gemm:
            case OperatorKind.ExpertGemm:
                seconds = Gemm(ref op, c, out roofline, out bound, out origin);
                break;
            case OperatorKind.Attention:
                seconds = Attention(ref op, c, out roofline, out bound, out origin);
                break;
            case OperatorKind.Elementwise:
                seconds = Elementwise(op.Bytes, c, out roofline, out bound, out origin);
                break;
            case OperatorKind.AllToAll:
                // Seed 002: latency = bytes / NIC effective bandwidth; other sources add the per-message latency.
                seconds = op.Bytes / (c.EpOverNic ? c.NicBandwidth : c.LinkBandwidth);
                roofline = seconds;
                bound = Bound.Network;
                origin = c.EpOverNic ? EfficiencyOrigin.NicBandwidth : EfficiencyOrigin.LinkBandwidth;
                if (c.Collectives)
                {
                    seconds += CollectiveLatency.AllToAllSeconds(c.Ep, c.EpOverNic, c.Hardware.IntraNodeLink);
                    origin = c.EpOverNic ? EfficiencyOrigin.NicBandwidthLatency : EfficiencyOrigin.LinkBandwidthLatency;
                }

                break;
            case OperatorKind.AllReduce:
                seconds = AllReduce(op.Bytes, c, out roofline, out origin);
                bound = Bound.Network;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op.Kind, "unknown operator kind");
        }

        return seconds;
    }

    /// <summary>Ring all-reduce: wire bytes over the link, plus the per-message latency by group size.</summary>
    public static double AllReduce(double wireBytes, TimingContext c, out double roofline, out EfficiencyOrigin origin)
    {
        roofline = wireBytes / c.LinkBandwidth;
        origin = EfficiencyOrigin.LinkBandwidth;
        if (!c.Collectives)
        {
            return roofline;
        }

        origin = EfficiencyOrigin.LinkBandwidthLatency;
        var latency = c.Tables is { } t && t.Bandwidth.AllReduceLatencySeconds.TryGetValue(c.Tp, out var measured) && c.From is null
            ? measured
            : CollectiveLatency.AllReduceSeconds(c.Tp, c.Hardware.IntraNodeLink);
        return roofline + latency;
    }

    /// <summary>An element-wise kernel: the fixed part plus its bytes at the bandwidth its size reaches.</summary>
    public static double Elementwise(double bytes, TimingContext c, out double roofline, out Bound bound, out EfficiencyOrigin origin)
    {
        roofline = bytes / c.MemoryBandwidth;
        bound = Bound.Memory;
        if (c.CopyBandwidth is { } copy)
        {
            origin = EfficiencyOrigin.MeasuredBandwidth;
            var moved = bytes / copy.CopyBytesPerSecond(bytes);
            if (c.From is not null)
            {
                moved *= c.FromMemoryBandwidth / c.MemoryBandwidth;
            }

            bound = c.Fixed > moved ? Bound.Launch : Bound.Memory;
            return c.Fixed + moved;
        }

        switch (c.Source)
        {
            case EfficiencySource.Measured:
            case EfficiencySource.Achieved:
            case EfficiencySource.A100Curve:
                {
                    var fractions = c.Achieved ?? AchievedFractions.H100;
                    origin = EfficiencyOrigin.AchievedFractions;
                    var moved = bytes / (c.MemoryBandwidth * fractions.Stream);
                    bound = c.Fixed > moved ? Bound.Launch : Bound.Memory;
                    return c.Fixed + moved;
                }

            case EfficiencySource.Seed:
            case EfficiencySource.Roofline:
                origin = EfficiencyOrigin.Roofline;
                return roofline;
            default:
                throw new ArgumentOutOfRangeException(nameof(c), c.Source, "unknown efficiency source");
        }
    }

    private static double Gemm(ref OpSpec op, TimingContext c, out double roofline, out Bound bound, out EfficiencyOrigin origin)
    {
        var peak = c.Peak(op.WeightType);
        var memory = op.Bytes / c.MemoryBandwidth;
        var compute = op.Flops / peak;
        roofline = Math.Max(memory, compute);
        bound = compute > memory ? Bound.Compute : Bound.Memory;
        origin = EfficiencyOrigin.Roofline;
        switch (c.Source)
        {
            case EfficiencySource.Seed:
                {
                    double factor;
                    if (op.DeepGemmEligible && op.WeightType.BytesPerElement() == 1)
                    {
                        factor = SeedFactors.DeepGemm(op.M, op.UpProjection);
                        origin = EfficiencyOrigin.SeedDeepGemm;
                    }
                    else
                    {
                        factor = SeedFactors.A100MfuMonotone(op.M, op.N, op.K, out origin);
                    }

                    var corrected = op.Flops / (peak * factor);
                    bound = corrected > memory ? Bound.Compute : Bound.Memory;
                    return Math.Max(memory, corrected);
                }

            case EfficiencySource.Measured when c.Tables is { } t && t.Gemm.Has(TableType(op.WeightType)):
                {
                    // A grouped GEMM (heads of a batched GEMM, the experts hit) is one kernel streaming all groups'
                    // weights: look it up as one GEMM with the groups' weights side by side (n x groups), m rows each.
                    // Fewer than one expert hit on average still launches one kernel, scaled by the fraction.
                    var groups = op.Groups;
                    var n = groups > 1 ? (long)Math.Round(op.N * groups) : op.N;
                    var seconds = t.Gemm.Seconds(TableType(op.WeightType), op.M, n, op.K, out var measured);
                    seconds = c.Transfer(seconds, op.Flops, op.Bytes, op.WeightType);
                    if (groups < 1)
                    {
                        seconds = Math.Max(seconds * groups, c.Fixed);
                    }

                    origin = measured ? EfficiencyOrigin.MeasuredGemm : EfficiencyOrigin.MeasuredGemmInterpolated;
                    if (roofline < c.Fixed)
                    {
                        bound = Bound.Launch;
                    }

                    return seconds;
                }

            case EfficiencySource.Measured:
            case EfficiencySource.Achieved:
                {
                    // No table for this type or hardware: the fixed part plus the roofline at the fractions the
                    // H100 tables reach (weight stream, large GEMMs).
                    var f = c.Achieved ?? AchievedFractions.H100;
                    origin = EfficiencyOrigin.AchievedFractions;
                    return FixedPlusStreamOrMath(c, op.Bytes, op.Flops / (peak * f.Compute(op.WeightType)), out bound, out _);
                }

            case EfficiencySource.A100Curve:
                {
                    // NVIDIA's A100 GEMM curve (seed 002's, measured on A100) for the compute side; the weight
                    // stream at the achieved fraction; plus the fixed part.
                    var factor = SeedFactors.A100MfuMonotone(op.M, op.N, op.K, out origin);
                    var seconds = FixedPlusStreamOrMath(c, op.Bytes, op.Flops / (peak * factor), out bound, out var streamBound);
                    if (streamBound)
                    {
                        origin = EfficiencyOrigin.AchievedFractions;
                    }

                    return seconds;
                }

            case EfficiencySource.Roofline:
                return roofline;
            default:
                throw new ArgumentOutOfRangeException(nameof(c), c.Source, "unknown efficiency source");
        }
    }

    /// <summary>
    /// A kernel without a table row: the hardware's fixed per-kernel part plus the larger of its bytes streamed at
    /// the achieved fraction of spec bandwidth and <paramref name="mathSeconds"/>. <paramref name="streamBound"/>:
    /// the stream is at least the math.
    /// </summary>
    private static double FixedPlusStreamOrMath(TimingContext c, double bytes, double mathSeconds, out Bound bound, out bool streamBound)
    {
        var stream = bytes / (c.MemoryBandwidth * (c.Achieved ?? AchievedFractions.H100).Stream);
        streamBound = stream >= mathSeconds;
        bound = mathSeconds > stream ? Bound.Compute : c.Fixed > stream ? Bound.Launch : Bound.Memory;
        return c.Fixed + Math.Max(stream, mathSeconds);
    }

    private static DataType TableType(DataType type) => type == DataType.Fp16 ? DataType.Bf16 : type;

    private static double Attention(ref OpSpec op, TimingContext c, out double roofline, out Bound bound, out EfficiencyOrigin origin)
    {
        var peak = c.Peak(op.ComputeType);
        var memory = op.Bytes / c.MemoryBandwidth;
        var compute = op.Flops / peak;
        roofline = Math.Max(memory, compute);
        bound = compute > memory ? Bound.Compute : Bound.Memory;
        origin = EfficiencyOrigin.Roofline;
        if (c.Source == EfficiencySource.Roofline)
        {
            return roofline;
        }

        if (c.Source is EfficiencySource.Achieved or EfficiencySource.A100Curve
            || (c.Source == EfficiencySource.Measured && c.Tables is null))
        {
            // The fixed part plus the KV stream at the achieved fraction (decode attention is a KV read).
            var f = c.Achieved ?? AchievedFractions.H100;
            origin = EfficiencyOrigin.AchievedFractions;
            return FixedPlusStreamOrMath(c, op.Bytes, op.Flops / (peak * f.Compute(op.ComputeType)), out bound, out _);
        }

        // Seed 002: the two attention GEMMs at the FlashMLA shape factor, overlapped with the softmax per FA3.
        var rowsPerKvHead = op.QueryLength * op.QueryHeads / op.KvHeads;
        var factor = SeedFactors.FlashMla(c.Hardware, rowsPerKvHead, out _);
        var scores = (double)op.Batch * op.QueryLength * op.QueryHeads * op.Context;
        double qk, pv;
        if (op.Mla)
        {
            // K is the whole cached row (latent + rope, 576 for V3); V is the latent (512).
            qk = 2 * scores * op.HeadDim;
            pv = op.Flops - qk;
        }
        else
        {
            qk = op.Flops / 2;
            pv = op.Flops / 2;
        }

        var vector = (scores / c.Exp2) + (2 * scores / c.Reduce);
        var overlapped = SeedFactors.Fa3Overlap(c.Hardware, qk / (peak * factor), pv / (peak * factor), vector);
        if (c.Source == EfficiencySource.Measured && c.Tables is { } t && !op.Mla && !t.Attention.IsEmpty)
        {
            // The table has one query token per sequence; extra (MTP) query rows read the same KV once, so the
            // table time stands unless their compute (at the seed's FlashMLA factor) exceeds it. No attention
            // kernel is faster than the smallest measured one.
            var table = t.Attention.Seconds(op.Batch, op.QueryHeads, op.KvHeads, op.HeadDim, op.Context, op.KvElementBytes, out _);
            table = Math.Max(table, t.Attention.MinSeconds);
            table = c.Transfer(table, op.Flops / op.QueryLength, op.Bytes, DataType.Bf16);
            origin = EfficiencyOrigin.MeasuredAttention;
            bound = op.QueryLength > 1 && overlapped > table ? Bound.Compute : roofline < c.Fixed ? Bound.Launch : Bound.Memory;
            return Math.Max(table, op.QueryLength > 1 ? overlapped : 0);
        }

        var mem = memory;
        if (c.Source == EfficiencySource.Measured && c.Tables is { } tables && tables.Bandwidth.HasRead)
        {
            var read = op.Bytes / tables.Bandwidth.ReadBytesPerSecond(op.Bytes);
            if (c.From is not null)
            {
                read *= c.FromMemoryBandwidth / c.MemoryBandwidth;
            }

            mem = c.Fixed + read;
            if (!tables.Attention.IsEmpty)
            {
                mem = Math.Max(mem, tables.Attention.MinSeconds);
            }

            origin = EfficiencyOrigin.MeasuredBandwidthSeedFlashMla;
        }
        else
        {
            origin = EfficiencyOrigin.SeedFlashMla;
        }

        bound = overlapped > mem ? Bound.Compute : Bound.Memory;
        return Math.Max(mem, overlapped);
    }
}
