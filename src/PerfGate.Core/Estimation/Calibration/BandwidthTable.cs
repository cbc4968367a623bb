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
    public double CopyBytesPerSecond(double bytesMoved) =>
        Math.Exp(LogInterpolation.At(_copyLogBytes, _copyLogRate, Math.Log(Math.Max(1, bytesMoved)), 0));

    /// <summary>Read bandwidth (bytes per second) at a read of <paramref name="bytes"/>.</summary>
    public double ReadBytesPerSecond(double bytes) =>
        Math.Exp(LogInterpolation.At(_readLogBytes, _readLogRate, Math.Log(Math.Max(1, bytes)), 0));
}
