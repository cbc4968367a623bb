using PerfGate.Catalog;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;
using PerfGate.Quantities;

namespace PerfGate.Prefill;

/// <summary>
/// Causal flash attention of a prefill step, one layer on one card (internal). A request with P tokens already in
/// its KV cache computing n new ones (S = P + n) scores each new token against every earlier one and itself:
/// (S^2 - P^2) / 2 scores per head (aiconfigurator's prefix correction; the diagonal's extra n/2 is left out, as there).
/// FLOPs = 2 x scores x heads x (d_qk + d_v): 2 S^2 heads d for a full GQA prompt with d_qk = d_v = d.
/// Time = max(FLOPs / (bf16 peak x flash-attention efficiency at S keys), bytes / HBM bandwidth), summed over the
/// step's requests (one variable-length kernel), at least one kernel launch. With a measured prefill-attention table
/// (attention_prefill.csv, <c>measured</c> source) each request's FLOPs run at the rate the nearest measured layout
/// reaches at S keys instead (the table's time at a measured layout and S), carried over by spec ratio when the tables
/// are a sibling's; the step is one kernel, so the fixed part is paid once.
/// </summary>
internal static class CausalAttention
{
    public const string MeasuredOrigin = "measured:attention-prefill";

    public readonly record struct Result(double Seconds, double Flops, double Bytes, Bound Bound, string Origin);

    /// <summary>Scores per head of one request: (S^2 - P^2) / 2.</summary>
    public static double Scores(double prefix, double newTokens)
    {
        var s = prefix + newTokens;
        return ((s * s) - (prefix * prefix)) / 2;
    }

    public static Result Time(ModelGeometry g, TimingContext c, IReadOnlyList<PrefillSegment> segments)
    {
        var peak = c.Peak(DataType.Bf16);
        int dqk, dv, kvHeads;
        double kvElementBytes;
        if (g.Mla is { } mla)
        {
            // After kv_b_proj the keys and values are per-head activations (MHA form).
            dqk = mla.QkNopeHeadDim + mla.QkRopeHeadDim;
            dv = mla.VHeadDim;
            kvHeads = g.QueryHeads;
            kvElementBytes = g.ActBytes;
        }
        else
        {
            dqk = g.HeadDim;
            dv = g.HeadDim;
            kvHeads = g.KvHeads;
            kvElementBytes = g.KvBytes;
        }

        if (c.Source == EfficiencySource.Measured && c.Tables is { PrefillAttention.IsEmpty: false } tables)
        {
            return Measured(g, c, tables.PrefillAttention, segments, dqk, dv, kvHeads, kvElementBytes);
        }

        double seconds = 0, flops = 0, bytes = 0, computeTime = 0, memoryTime = 0;
        var origin = "roofline";
        foreach (var s in segments)
        {
            var keys = (double)s.Prefix + s.NewTokens;
            var f = 2 * Scores(s.Prefix, s.NewTokens) * g.QueryHeads * (dqk + dv);
            var b = (keys * kvHeads * (dqk + dv) * kvElementBytes) + ((double)s.NewTokens * g.QueryHeads * (dqk + dv) * g.ActBytes);
            var efficiency = 1.0;
            if (c.Source != EfficiencySource.Roofline)
            {
                efficiency = FlashAttentionEfficiency.Fraction(c.Hardware, keys, out origin);
            }

            var compute = f / (peak * efficiency);
            var memory = b / c.MemoryBandwidth;
            seconds += Math.Max(compute, memory);
            computeTime += compute;
            memoryTime += memory;
            flops += f;
            bytes += b;
        }

        var bound = computeTime >= memoryTime ? Bound.Compute : Bound.Memory;
        if (seconds < c.Fixed)
        {
            seconds = c.Fixed;
            bound = Bound.Launch;
        }

        return new Result(seconds, flops, bytes, bound, origin);
    }

    private static Result Measured(ModelGeometry g, TimingContext c, PrefillAttentionTable table, IReadOnlyList<PrefillSegment> segments, int dqk, int dv, int kvHeads, double kvElementBytes)
    {
        double variable = 0, flops = 0, bytes = 0;
        var memoryBound = true;
        foreach (var s in segments)
        {
            var keys = (double)s.Prefix + s.NewTokens;
            var f = 2 * Scores(s.Prefix, s.NewTokens) * g.QueryHeads * (dqk + dv);
            var b = (keys * kvHeads * (dqk + dv) * kvElementBytes) + ((double)s.NewTokens * g.QueryHeads * (dqk + dv) * g.ActBytes);
            var rate = table.FlopsPerSecond(g.QueryHeads, kvHeads, (dqk + dv) / 2.0, keys, out _);
            // The table's time for these FLOPs (its fixed part included), carried over by spec ratio when borrowed.
            var t = c.Transfer(f / rate, f, b, DataType.Bf16);
            var memory = b / c.MemoryBandwidth;
            memoryBound &= memory >= t;
            variable += Math.Max(Math.Max(t, memory) - c.Fixed, 0);
            flops += f;
            bytes += b;
        }

        var origin = c.From is { } from ? $"{MeasuredOrigin}, transferred from {from.Id} (spec ratio)" : MeasuredOrigin;
        return new Result(c.Fixed + variable, flops, bytes, memoryBound ? Bound.Memory : Bound.Compute, origin);
    }
}
