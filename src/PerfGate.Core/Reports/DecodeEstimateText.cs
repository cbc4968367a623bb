using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Estimation;
using PerfGate.Workspace;

namespace PerfGate.Reports;

/// <summary>
/// A decode-step estimate for a person to read: the operator table (time per call, per step, share, bound, where the
/// efficiency came from) and the summary lines (deployment, step time and rates, memory per card), invariant culture.
/// </summary>
public static class DecodeEstimateText
{
    public static TextTable Table(DecodeEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var c = CultureInfo.InvariantCulture;
        var breakdown = estimate.Breakdown();
        var rows = new List<IReadOnlyList<string>>();
        for (var i = 0; i < breakdown.Count; i++)
        {
            var b = breakdown[i];
            var op = estimate.Operators[i];
            var gemm = op.Kind is OperatorKind.Gemm or OperatorKind.ExpertGemm;
            rows.Add(
            [
                op.Name,
                op.Scope.ToString(),
                op.Instances.ToString(c),
                gemm ? op.M.ToString(c) : string.Empty,
                gemm ? op.N.ToString(c) : string.Empty,
                gemm ? op.K.ToString(c) : string.Empty,
                op.Time.Microseconds.ToString("0.00", c),
                b.Time.Microseconds.ToString("0.0", c),
                b.Share.ToString("0.0%", c),
                op.Bound.ToId(),
                op.Origin.ToId(),
            ]);
        }

        return new TextTable(null, ["operator", "scope", "x", "m", "n", "k", "time/us", "step/us", "share", "bound", "source"], rows);
    }

    public static IReadOnlyList<string> Lines(DecodeEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var c = CultureInfo.InvariantCulture;
        var (r, m) = (estimate.Request, estimate.Memory);
        var transferred = r.CalibrationFrom is { } from && r.Efficiency == EfficiencySource.Measured ? $" (tables transferred from {from.Id}, spec ratio)" : string.Empty;
        return
        [
            string.Create(c, $"{r.Model.Id} on {r.Hardware.Id}: TP {r.Parallelism.Tp} EP {r.Parallelism.Ep} DP {r.Parallelism.Dp}, batch {r.Batch}, context {r.Context}, MTP {r.Mtp}, {r.Pipeline.ToId()}, efficiency {r.Efficiency.ToString().ToLowerInvariant()}{transferred}, implementation {r.Implementation.Id}"),
            string.Create(c, $"step {estimate.StepTime.Milliseconds:0.000} ms, {estimate.UserTokensPerSecond:0.00} tokens/s per user, {estimate.ThroughputPerCard:0.0} tokens/s per card"),
            string.Create(c, $"memory per card: weights {m.WeightBytesPerCard}, KV {m.KvBytesPerToken}/token ({m.KvBytesPerSequence}/sequence), {(m.LimitsBatch ? string.Create(c, $"max batch {m.MaxBatch}") : "no KV cache at context 0, so memory does not limit the batch")}"),
        ];
    }
}
