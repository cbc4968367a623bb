namespace PerfGate.Gate;

/// <summary>
/// One figure that differs from the baseline. <see cref="Tolerated"/> differences are within their
/// tolerance and do not fail the gate; they are reported so a reviewer sees them.
/// <see cref="BaselineLine"/> is the figure's line in the baseline file (the scenario line for an added figure).
/// <see cref="PassedBecause"/> says why a difference beyond its tolerance still passes: an accepted difference
/// ("accepted: reason") or an improvement under <c>fail: regressions</c>.
/// </summary>
public sealed record MetricDrift(
    string Key,
    DriftKind Kind,
    SnapshotValue? Old,
    SnapshotValue? New,
    string OldUnit,
    string NewUnit,
    MetricDirection Direction,
    DriftLabel Label,
    double? ChangePercent,
    GateTolerance? Tolerance,
    bool Tolerated,
    int BaselineLine,
    bool InTable = false,
    string? PassedBecause = null)
{
    public string Unit => NewUnit.Length > 0 ? NewUnit : OldUnit;

    /// <summary>Magnitude used to rank drifts (largest first): |change %|, infinity when it has none.</summary>
    public double Magnitude => ChangePercent is { } p ? Math.Abs(p) : double.PositiveInfinity;

    /// <summary>
    /// Reading order for reviewers: 0 headline metrics (with a direction), 1 other metrics, 2 table cells.
    /// Reports sort by this, then by <see cref="Magnitude"/>.
    /// </summary>
    public int Importance => InTable ? 2 : Direction == MetricDirection.Neutral ? 1 : 0;
}
