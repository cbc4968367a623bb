using PerfGate.Quantities;

namespace PerfGate.Estimation.Calibration;

/// <summary>
/// Measured GEMM times by (dtype, m, n, k). A query at a measured (n, k) interpolates log time on log m
/// (exact at measured points). Another (n, k) is placed between the measured weight shapes by weight size:
/// the time per weight element, log-interpolated on log(n x k) between the two nearest measured shapes
/// (the nearer aspect ratio where sizes tie), times n x k. Above the largest m time grows linearly with m
/// (compute-bound); below the smallest m the smallest m's time holds (a weight stream). A weight smaller than
/// every measured one takes the smallest measured shape's time (no extrapolation under the fixed part).
/// </summary>
public sealed class GemmTable
{
    private readonly Shape[][] _byType;

    public GemmTable(IEnumerable<GemmRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = rows.ToArray();
        rows = Rows;
        var types = Enum.GetValues<DataType>();
        _byType = new Shape[types.Length][];
        var groups = rows.GroupBy(r => r.Type);
        foreach (var t in types)
        {
            _byType[(int)t] = [];
        }

        foreach (var g in groups)
        {
            _byType[(int)g.Key] = g.GroupBy(r => (r.N, r.K))
                .Select(s => new Shape(s.Key.N, s.Key.K, s.OrderBy(r => r.M).ToArray()))
                .OrderBy(s => s.LogNk).ThenBy(s => s.LogAspect)
                .ToArray();
        }
    }

    /// <summary>The measured rows, as read.</summary>
    public IReadOnlyList<GemmRow> Rows { get; }

    public bool Has(DataType type) => _byType[(int)type].Length > 0;

    /// <summary>Rows per type, for diagnostics and tests.</summary>
    public int ShapeCount(DataType type) => _byType[(int)type].Length;

    /// <summary>Time in seconds of one GEMM; <paramref name="measuredShape"/> says whether (n, k) was measured.</summary>
    public double Seconds(DataType type, long m, long n, long k, out bool measuredShape)
    {
        var shapes = _byType[(int)type];
        measuredShape = false;
        if (shapes.Length == 0)
        {
            return double.NaN;
        }

        var logM = LogInterpolation.LogOf(Math.Max(1, m));
        for (var i = 0; i < shapes.Length; i++)
        {
            if (shapes[i].N == n && shapes[i].K == k)
            {
                measuredShape = true;
                return shapes[i].Seconds(logM);
            }
        }

        var logNk = Math.Log((double)n * k);
        var logAspect = Math.Log((double)n / k);
        Shape? lower = null, upper = null;
        foreach (var s in shapes)
        {
            if (s.LogNk <= logNk && (lower is null || s.LogNk > lower.LogNk || (s.LogNk == lower.LogNk && Math.Abs(s.LogAspect - logAspect) < Math.Abs(lower.LogAspect - logAspect))))
            {
                lower = s;
            }

            if (s.LogNk >= logNk && (upper is null || s.LogNk < upper.LogNk || (s.LogNk == upper.LogNk && Math.Abs(s.LogAspect - logAspect) < Math.Abs(upper.LogAspect - logAspect))))
            {
                upper = s;
            }
        }

        double logTau;
        if (lower is null)
        {
            // Smaller than every measured weight: no extrapolation under the smallest measured shape's time at
            // this m (a smaller kernel still pays the fixed part the smallest one pays).
            return upper!.Seconds(logM);
        }
        else if (upper is null || upper.LogNk == lower.LogNk)
        {
            logTau = lower.LogTimePerElement(logM);
        }
        else
        {
            var f = (logNk - lower.LogNk) / (upper.LogNk - lower.LogNk);
            var a = lower.LogTimePerElement(logM);
            logTau = a + (f * (upper.LogTimePerElement(logM) - a));
        }

        return Math.Exp(logTau + logNk);
    }

    private sealed class Shape
    {
        private readonly double[] _logM;
        private readonly double[] _logT;

        public Shape(long n, long k, GemmRow[] rows)
        {
            N = n;
            K = k;
            LogNk = Math.Log((double)n * k);
            LogAspect = Math.Log((double)n / k);
            _logM = rows.Select(r => Math.Log(r.M)).ToArray();
            // More rows never take less time: a row faster than a smaller m of the same shape is measurement
            // noise (e.g. 4096 x 4096: 16.61 us at m = 2, 16.35 us at m = 4); it holds the smaller m's time.
            _logT = new double[rows.Length];
            var running = double.NegativeInfinity;
            for (var i = 0; i < rows.Length; i++)
            {
                running = Math.Max(running, Math.Log(rows[i].TimeMicroseconds * 1e-6));
                _logT[i] = running;
            }
        }

        public long N { get; }
        public long K { get; }
        public double LogNk { get; }
        public double LogAspect { get; }

        // Above the largest m: time proportional to m (slope 1 in log-log).
        public double Seconds(double logM) => Math.Exp(LogInterpolation.At(_logM, _logT, logM, 1.0));

        public double LogTimePerElement(double logM) => LogInterpolation.At(_logM, _logT, logM, 1.0) - LogNk;
    }
}
