namespace PerfGate.Estimation.Calibration;

/// <summary>
/// Measured decode-attention times by (batch, query heads, KV heads, head dim, context), bf16 KV.
/// A query picks the measured head layout nearest in KV width (kv heads x head dim) and group size, then
/// converts its context to the context with the same KV bytes per sequence in that layout (so fp8 KV or
/// another width reads as many bytes as it should). It interpolates log time on log context within each
/// measured batch and on log batch between them (exact at measured points); beyond the largest context or
/// batch time grows linearly; below the smallest it holds (the kernel's floor).
/// </summary>
public sealed class AttentionTable
{
    private const double TableKvBytesPerElement = 2;
    private readonly Layout[] _layouts;

    public AttentionTable(IEnumerable<AttentionRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        rows = rows.ToArray();
        _layouts = rows.GroupBy(r => (r.QueryHeads, r.KvHeads, r.HeadDim))
            .Select(g => new Layout(g.Key.QueryHeads, g.Key.KvHeads, g.Key.HeadDim, g.ToArray()))
            .ToArray();
        MinSeconds = _layouts.Length == 0 ? double.NaN : rows.Min(r => r.TimeMicroseconds) * 1e-6;
    }

    /// <summary>The smallest measured decode-attention time (the floor of any attention kernel); NaN when empty.</summary>
    public double MinSeconds { get; }

    public bool IsEmpty => _layouts.Length == 0;

    /// <summary>Seconds for one decode-attention call; <paramref name="measuredLayout"/> when the head layout was measured.</summary>
    public double Seconds(int batch, int queryHeads, int kvHeads, int headDim, int context, double kvBytesPerElement, out bool measuredLayout)
    {
        measuredLayout = false;
        if (_layouts.Length == 0)
        {
            return double.NaN;
        }

        Layout best = _layouts[0];
        var bestScore = double.MaxValue;
        var width = Math.Log((double)kvHeads * headDim);
        var group = Math.Log((double)queryHeads / kvHeads);
        foreach (var l in _layouts)
        {
            var score = Math.Abs(l.LogWidth - width) + Math.Abs(l.LogGroup - group);
            if (score < bestScore)
            {
                bestScore = score;
                best = l;
            }
        }

        measuredLayout = best.QueryHeads == queryHeads && best.KvHeads == kvHeads && best.HeadDim == headDim && kvBytesPerElement == TableKvBytesPerElement;
        var equivalentContext = Math.Max(1.0, context * (kvHeads * headDim * kvBytesPerElement) / (best.KvHeads * best.HeadDim * TableKvBytesPerElement));
        return best.Seconds(batch, equivalentContext);
    }

    private sealed class Layout
    {
        private readonly double[] _logBatch;
        private readonly double[][] _logContext;
        private readonly double[][] _logTime;

        public Layout(int q, int kv, int d, AttentionRow[] rows)
        {
            QueryHeads = q;
            KvHeads = kv;
            HeadDim = d;
            LogWidth = Math.Log((double)kv * d);
            LogGroup = Math.Log((double)q / kv);
            var byBatch = rows.GroupBy(r => r.Batch).OrderBy(g => g.Key).ToArray();
            _logBatch = byBatch.Select(g => Math.Log(g.Key)).ToArray();
            _logContext = byBatch.Select(g => g.OrderBy(r => r.Context).Select(r => Math.Log(r.Context)).ToArray()).ToArray();
            _logTime = byBatch.Select(g => g.OrderBy(r => r.Context).Select(r => Math.Log(r.TimeMicroseconds * 1e-6)).ToArray()).ToArray();
        }

        public int QueryHeads { get; }
        public int KvHeads { get; }
        public int HeadDim { get; }

        /// <summary>log(KV heads x head dim), the width the nearest layout is chosen by.</summary>
        public double LogWidth { get; }

        /// <summary>log(query heads / KV heads), the group size the nearest layout is chosen by.</summary>
        public double LogGroup { get; }

        public double Seconds(int batch, double context)
        {
            var logL = Math.Log(context);
            var logB = LogInterpolation.LogOf(Math.Max(1, batch));
            var last = _logBatch.Length - 1;
            if (logB <= _logBatch[0])
            {
                return Math.Exp(AtBatch(0, logL));
            }

            if (logB >= _logBatch[last])
            {
                return Math.Exp(AtBatch(last, logL) + (logB - _logBatch[last]));
            }

            var hi = 1;
            while (_logBatch[hi] < logB)
            {
                hi++;
            }

            var lo = hi - 1;
            var f = (logB - _logBatch[lo]) / (_logBatch[hi] - _logBatch[lo]);
            var a = AtBatch(lo, logL);
            return Math.Exp(a + (f * (AtBatch(hi, logL) - a)));
        }

        private double AtBatch(int i, double logL) => LogInterpolation.At(_logContext[i], _logTime[i], logL, 1.0);
    }
}
