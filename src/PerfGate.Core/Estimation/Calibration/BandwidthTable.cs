namespace PerfGate.Estimation.Calibration;

/// <summary>
/// Measured HBM bandwidth (device copy: bytes read + written; full read) by size, and the launch floor
/// of one trivial kernel inside a captured graph (<c>tiny_kernel</c>).
/// </summary>
public sealed class BandwidthTable
{
    private readonly double[] _copyLogBytes;
    private readonly double[] _copyLogRate;
    private readonly double[] _readLogBytes;
    private readonly double[] _readLogRate;
    private readonly Ends _copyEnds;
    private readonly Ends _readEnds;

    public BandwidthTable(IEnumerable<BandwidthRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var all = rows.ToArray();
        var copy = all.Where(r => r.Op == "copy").OrderBy(r => r.BytesMoved).ToArray();
        var read = all.Where(r => r.Op == "read").OrderBy(r => r.BytesMoved).ToArray();
        _copyLogBytes = copy.Select(r => Math.Log(r.BytesMoved)).ToArray();
        _copyLogRate = copy.Select(r => Math.Log(r.BytesMoved / (r.TimeMicroseconds * 1e-6))).ToArray();
        _readLogBytes = read.Select(r => Math.Log(r.BytesMoved)).ToArray();
        _readLogRate = read.Select(r => Math.Log(r.BytesMoved / (r.TimeMicroseconds * 1e-6))).ToArray();
        _copyEnds = new Ends(copy.Select(r => (double)r.BytesMoved).ToArray(), _copyLogRate);
        _readEnds = new Ends(read.Select(r => (double)r.BytesMoved).ToArray(), _readLogRate);
        var tiny = all.Where(r => r.Op == "tiny_kernel").Select(r => r.TimeMicroseconds).DefaultIfEmpty(double.NaN).First();
        LaunchFloorSeconds = tiny * 1e-6;
        var chain = all.Where(r => r.Op == KernelChainOp).Select(r => r.TimeMicroseconds).DefaultIfEmpty(double.NaN).Min();
        KernelChainSeconds = chain * 1e-6;
        AllReduceLatencySeconds = all.Where(r => r.Op.StartsWith(AllReducePrefix, StringComparison.Ordinal) && int.TryParse(r.Op.AsSpan(AllReducePrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            .GroupBy(r => int.Parse(r.Op.AsSpan(AllReducePrefix.Length), System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Min(r => r.TimeMicroseconds) * 1e-6);
    }

    /// <summary>Op of the collector's row timing one small real kernel in a chain of them inside one graph.</summary>
    public const string KernelChainOp = "kernel_chain";

    /// <summary>Prefix of the collector's all-reduce rows: <c>all_reduce_N</c> for a group of N cards.</summary>
    public const string AllReducePrefix = "all_reduce_";

    /// <summary>Seconds per kernel of a chain of small real kernels in one graph (<c>kernel_chain</c>); NaN when absent.</summary>
    public double KernelChainSeconds { get; }

    /// <summary>Smallest measured all-reduce time per group size (<c>all_reduce_N</c> rows): the per-message latency.</summary>
    public IReadOnlyDictionary<int, double> AllReduceLatencySeconds { get; }

    /// <summary>Seconds of one trivial kernel inside a graph; NaN when the table has no tiny_kernel row.</summary>
    public double LaunchFloorSeconds { get; }

    public bool HasCopy => _copyLogBytes.Length > 0;

    public bool HasRead => _readLogBytes.Length > 0;

    /// <summary>Copy bandwidth (bytes moved per second) at a transfer of <paramref name="bytesMoved"/>.</summary>
    public double CopyBytesPerSecond(double bytesMoved) => Rate(_copyLogBytes, _copyLogRate, _copyEnds, bytesMoved);

    /// <summary>Read bandwidth (bytes per second) at a read of <paramref name="bytes"/>.</summary>
    public double ReadBytesPerSecond(double bytes) => Rate(_readLogBytes, _readLogRate, _readEnds, bytes);

    /// <summary>
    /// exp of the log rate interpolated at log bytes. At or beyond the smallest or largest measured size the
    /// interpolation holds that row's log rate (slope 0 outside), so the rate there is taken from <see cref="Ends"/>
    /// without a logarithm and an exponential: the same value (log is monotone, so bytes at or below the smallest
    /// size has a log at or below its log).
    /// </summary>
    private static double Rate(double[] logBytes, double[] logRate, Ends ends, double bytes)
    {
        var b = Math.Max(1, bytes);
        if (logBytes.Length > 0)
        {
            if (b <= ends.FirstBytes)
            {
                return ends.FirstRate;
            }

            if (b >= ends.LastBytes)
            {
                return ends.LastRate;
            }
        }

        return Math.Exp(LogInterpolation.At(logBytes, logRate, Math.Log(b), 0));
    }

    /// <summary>The smallest and largest measured sizes and exp of their log rates.</summary>
    private readonly struct Ends
    {
        public Ends(double[] bytes, double[] logRate)
        {
            FirstBytes = bytes.Length > 0 ? bytes[0] : double.NaN;
            LastBytes = bytes.Length > 0 ? bytes[^1] : double.NaN;
            FirstRate = logRate.Length > 0 ? Math.Exp(logRate[0]) : double.NaN;
            LastRate = logRate.Length > 0 ? Math.Exp(logRate[^1]) : double.NaN;
        }

        public double FirstBytes { get; }
        public double LastBytes { get; }
        public double FirstRate { get; }
        public double LastRate { get; }
    }
}
