using PerfGate.Gate;
using PerfGate.Measurements.Output;

namespace PerfGate.Reports.Trends;

/// <summary>
/// <c>--report bmf=FILE</c>: every scenario's current numeric metrics as Bencher Metric Format
/// (<c>bencher run --adapter json --file FILE</c>): <c>{"scenario": {"metric.key": {"value": v}}}</c>, written by the
/// same <see cref="BencherMetricFormat"/> that <c>perfgate measured import --bmf</c> uses (<see cref="GateSeries"/>).
/// </summary>
public sealed class BmfReport : IReportFormat
{
    public string Name => "bmf";

    public IReadOnlyList<string> Aliases => ["bencher"];

    public string? DefaultFileName => "perfgate.bmf.json";

    public bool GoesToJobSummary => false;

    public string Render(GateResult result, ReportContext context) => BencherMetricFormat.Write(GateSeries.Of(result));
}
