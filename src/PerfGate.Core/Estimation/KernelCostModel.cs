using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>
/// The per-kernel cost of a request's hardware, efficiency source, calibration (own or transferred) and
/// implementation, one kernel at a time: what the decode estimator adds up, for other estimators (prefill: the
/// same operators at m = prompt tokens) to reuse. Pure and cheap to build (one per request).
/// </summary>
/// <remarks>
/// A GEMM is a table row (exact at measured shapes, never under the smallest measured shape's time), transferred
/// by spec ratio when the tables are a sibling's, or the fixed part plus the roofline at the achieved fractions
/// without tables. An element-wise kernel is the fixed part plus its bytes at the bandwidth its size reaches.
/// An all-reduce is its ring wire bytes over the link plus the per-message latency of its group.
/// </remarks>
public sealed class KernelCostModel
{
    private readonly TimingContext _context;

    private KernelCostModel(TimingContext context) => _context = context;

    /// <summary>The model for a request (its hardware, efficiency, calibration, parallelism and implementation).</summary>
    public static KernelCostModel For(DecodeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new KernelCostModel(new TimingContext(request));
    }

    /// <summary>The fixed part of one kernel (zero for the seed and roofline sources).</summary>
    public Duration FixedPerKernel => Duration.FromSeconds(_context.Fixed);

    /// <summary>Host time per step (scheduling, sampling) of the implementation or the scenario.</summary>
    public Duration HostOverheadPerStep => Duration.FromSeconds(_context.HostOverhead);

    /// <summary>One GEMM <c>C[m,n] = A[m,k] W[n,k]^T</c> with weights of <paramref name="weightType"/>, activations of 2 bytes.</summary>
    public KernelCost Gemm(DataType weightType, long m, long n, long k)
    {
        var op = new OpSpec
        {
            Name = "gemm",
            Kind = OperatorKind.Gemm,
            Instances = 1,
            M = m,
            N = n,
            K = k,
            Groups = 1,
            WeightType = weightType,
            Flops = 2.0 * m * n * k,
            Bytes = ((double)n * k * weightType.BytesPerElement()) + ((((double)m * k) + ((double)m * n)) * 2),
        };
        op.WeightBytes = (double)n * k * weightType.BytesPerElement();
        return Of(OperatorTimer.Time(ref op, _context));
    }

    /// <summary>One element-wise kernel moving <paramref name="bytes"/> (read + written).</summary>
    public KernelCost Elementwise(double bytes)
    {
        var seconds = OperatorTimer.Elementwise(bytes, _context, out var roofline, out var bound, out var origin);
        return new KernelCost(Duration.FromSeconds(seconds), bound, origin, seconds > 0 ? roofline / seconds : 1);
    }

    /// <summary>One ring all-reduce over the request's TP group, of <paramref name="wireBytes"/> per card.</summary>
    public KernelCost AllReduce(double wireBytes)
    {
        var seconds = OperatorTimer.AllReduce(wireBytes, _context, out var roofline, out var origin);
        return new KernelCost(Duration.FromSeconds(seconds), Bound.Network, origin, seconds > 0 ? roofline / seconds : 1);
    }

    private static KernelCost Of(OperatorEstimate e) => new(e.Time, e.Bound, e.Origin, e.Efficiency);
}
