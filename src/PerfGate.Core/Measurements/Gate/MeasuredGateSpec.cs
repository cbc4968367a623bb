using PerfGate.Diagnostics;

namespace PerfGate.Measurements.Gate;

/// <summary>
/// A measured gate declared in perfgate.yaml (<c>measured:</c>): its <see cref="Name"/> (also the folder of its committed
/// baseline reports, <c>&lt;baselines&gt;/measured/&lt;name&gt;/</c>), the decision rule (<see cref="Options"/>: test,
/// alpha, floor, per-metric floors, minimum runs), the report format when it cannot be recognised, and where it is
/// declared (for located errors).
/// </summary>
public sealed record MeasuredGateSpec(string Name, MeasuredGateOptions Options, string? Format, SourceLocation Location);
