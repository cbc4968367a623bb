using PerfGate.Catalog;
using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>Times one operator with the request's efficiency source (internal).</summary>
internal static class OperatorTimer
{
    public static OperatorEstimate Time(ref OpSpec op, TimingContext c)
    {
        double seconds;
        double roofline;
        Bound bound;
        EfficiencyOrigin origin;
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
                roofline = op.Bytes / c.MemoryBandwidth;
                bound = Bound.Memory;
                origin = EfficiencyOrigin.Roofline;
                seconds = roofline;
                if (c.Tables is { } t)
                {
                    seconds = op.Bytes / t.Bandwidth.CopyBytesPerSecond(op.Bytes);
                    origin = EfficiencyOrigin.MeasuredBandwidth;
                    if (seconds < c.LaunchFloor)
                    {
                        seconds = c.LaunchFloor;
                        origin = EfficiencyOrigin.MeasuredLaunchFloor;
                        bound = Bound.Launch;
                    }
                }

                break;
            case OperatorKind.AllToAll:
                // Seed 002: latency = bytes / NIC effective bandwidth.
                seconds = op.Bytes / (c.EpOverNic ? c.NicBandwidth : c.LinkBandwidth);
                roofline = seconds;
                bound = Bound.Network;
                origin = c.EpOverNic ? EfficiencyOrigin.NicBandwidth : EfficiencyOrigin.LinkBandwidth;
                break;
            case OperatorKind.AllReduce:
            default:
                // Bytes are the ring all-reduce's wire bytes per card; plus one launch with measured tables.
                seconds = op.Bytes / c.LinkBandwidth;
                roofline = seconds;
                bound = Bound.Network;
                origin = EfficiencyOrigin.LinkBandwidth;
                seconds += c.LaunchFloor;
                break;
        }

        return new OperatorEstimate(
            op.Name, op.Kind, op.Scope, op.Stage, op.Instances, op.M, op.N, op.K, op.Flops, op.Bytes, op.WeightBytes, op.ResidentWeightBytes,
            Duration.FromSeconds(seconds), bound, origin, seconds > 0 ? roofline / seconds : 1);
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
                        factor = SeedFactors.A100Mfu(op.M, op.N, op.K, out origin);
                    }

                    var corrected = op.Flops / (peak * factor);
                    bound = corrected > memory ? Bound.Compute : Bound.Memory;
                    return Math.Max(memory, corrected);
                }

            case EfficiencySource.Measured when c.Tables is { } t:
                {
                    var type = op.WeightType == DataType.Fp16 ? DataType.Bf16 : op.WeightType;
                    if (!t.Gemm.Has(type))
                    {
                        return roofline;
                    }

                    // A grouped GEMM (heads of a batched GEMM, the experts hit) is one kernel streaming all groups'
                    // weights: look it up as one GEMM with the groups' weights side by side (n x groups), m rows each.
                    // Fewer than one expert hit on average still launches one kernel, scaled by the fraction.
                    var groups = op.Groups;
                    var n = groups > 1 ? (long)Math.Round(op.N * groups) : op.N;
                    var seconds = t.Gemm.Seconds(type, op.M, n, op.K, out var measured);
                    if (groups < 1)
                    {
                        seconds = Math.Max(seconds * groups, c.LaunchFloor);
                    }

                    origin = measured ? EfficiencyOrigin.MeasuredGemm : EfficiencyOrigin.MeasuredGemmInterpolated;

                    if (roofline < c.LaunchFloor)
                    {
                        bound = Bound.Launch;
                    }

                    return seconds;
                }

            default:
                return roofline;
        }
    }

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
            // table time stands unless their compute (at the seed's FlashMLA factor) exceeds it.
            var table = t.Attention.Seconds(op.Batch, op.QueryHeads, op.KvHeads, op.HeadDim, op.Context, op.KvElementBytes, out _);
            origin = EfficiencyOrigin.MeasuredAttention;
            bound = op.QueryLength > 1 && overlapped > table ? Bound.Compute : roofline < c.LaunchFloor ? Bound.Launch : Bound.Memory;
            return Math.Max(table, op.QueryLength > 1 ? overlapped : 0);
        }

        var mem = memory;
        if (c.Source == EfficiencySource.Measured && c.Tables is { } tables && tables.Bandwidth.HasRead)
        {
            mem = op.Bytes / tables.Bandwidth.ReadBytesPerSecond(op.Bytes);
            mem = Math.Max(mem, c.LaunchFloor);
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
