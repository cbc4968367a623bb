namespace PerfGate.Estimation.Calibration;

/// <summary>
/// Measured causal prefill-attention rates (attention_prefill.csv). A query picks the measured head layout nearest in
/// query heads, group size and head dim (log distance), reads the achieved FLOP/s of that layout at the sequence
/// length (the row's causal FLOPs 2 S^2 heads d over its time), linear in log2 S between rows and held outside them,
/// so a kernel with other heads or a prefix takes its own FLOPs at the rate the nearest measured kernel reaches
/// ("interpolate in S, scale by heads": at a measured layout and S the time is the row's). Empty when the folder has
/// no such file.
/// </summary>
public sealed class PrefillAttentionTable
{
    private readonly Layout[] _layouts;

    public PrefillAttentionTable(IEnumerable<PrefillAttentionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _layouts = rows.GroupBy(r => (r.QueryHeads, r.KvHeads, r.HeadDim))
            .OrderBy(g => g.Key)
            .Select(g => new Layout(g.Key.QueryHeads, g.Key.KvHeads, g.Key.HeadDim, [.. g.OrderBy(r => r.Sequence)]))
            .ToArray();
    }

    /// <summary>No rows (the folder has no attention_prefill.csv): causal prefill attention uses the published curve.</summary>
    public bool IsEmpty => _layouts.Length == 0;

    /// <summary>
    /// Achieved FLOP/s of the nearest measured layout at <paramref name="sequence"/> keys; NaN when empty.
    /// <paramref name="measuredLayout"/>: the layout itself was measured.
    /// </summary>
    public double FlopsPerSecond(int queryHeads, int kvHeads, double headDim, double sequence, out bool measuredLayout)
    {
        measuredLayout = false;
        if (_layouts.Length == 0)
        {
            return double.NaN;
        }

        var best = _layouts[0];
        var bestScore = double.MaxValue;
        foreach (var l in _layouts)
        {
            var score = Math.Abs(Math.Log((double)l.QueryHeads / queryHeads))
                + Math.Abs(Math.Log((double)l.QueryHeads / l.KvHeads) - Math.Log((double)queryHeads / kvHeads))
                + Math.Abs(Math.Log(l.HeadDim / headDim));
            if (score < bestScore)
            {
                bestScore = score;
                best = l;
            }
        }

        measuredLayout = best.QueryHeads == queryHeads && best.KvHeads == kvHeads && best.HeadDim == headDim;
        return best.Rate(sequence);
    }

    private sealed class Layout(int q, int kv, int d, PrefillAttentionRow[] rows)
    {
        private readonly double[] _log2Sequence = [.. rows.Select(r => Math.Log2(r.Sequence))];
        private readonly double[] _rate = [.. rows.Select(r => r.Flops / (r.TimeMicroseconds * 1e-6))];

        public int QueryHeads { get; } = q;
        public int KvHeads { get; } = kv;
        public int HeadDim { get; } = d;

        public double Rate(double sequence) => LogInterpolation.At(_log2Sequence, _rate, Math.Log2(Math.Max(1, sequence)), 0);
    }
}
