namespace PerfGate.Gate;

/// <summary>
/// The gate's pure core: compares recomputed snapshots with baselines and classifies each scenario as
/// equal, drifted, new or removed. Figures compare by key: numbers with the matching
/// <see cref="GateTolerance"/> (exact by default, on the rounded values), booleans and texts exactly,
/// a changed unit always drifts. The whole snapshot is verified: a <c>[settings]</c> value that differs from the
/// recomputed one is a drift too, even when no figure moved. Provenance (tool version, input hashes) never
/// fails the gate: an input hash that differs while everything else is equal leaves the scenario equal with
/// stale provenance (<see cref="ScenarioComparison.ProvenanceStale"/>), which <c>approve</c> refreshes.
/// </summary>
public static class SnapshotComparer
{
    public static GateResult Compare(
        IReadOnlyList<CurrentScenario> current,
        IReadOnlyList<SnapshotDocument> baselines,
        IReadOnlyList<GateTolerance> tolerances,
        Func<string, string> baselinePath,
        IReadOnlyList<AcceptedDifference>? accepted = null,
        DateOnly today = default)
    {
        accepted ??= [];
        var byId = baselines.ToDictionary(b => b.Snapshot.ScenarioId, StringComparer.Ordinal);
        var results = new List<ScenarioComparison>(current.Count + baselines.Count);
        foreach (var scenario in current)
        {
            var id = scenario.Snapshot.ScenarioId;
            results.Add(byId.Remove(id, out var baseline)
                ? CompareOne(scenario, baseline, tolerances, accepted, today)
                : new ScenarioComparison
                {
                    ScenarioId = id,
                    Status = ScenarioStatus.New,
                    BaselinePath = baselinePath(id),
                    ScenarioLocation = scenario.Location,
                    Current = scenario.Snapshot,
                });
        }

        foreach (var removed in byId.Values)
        {
            results.Add(new ScenarioComparison
            {
                ScenarioId = removed.Snapshot.ScenarioId,
                Status = ScenarioStatus.Removed,
                BaselinePath = removed.Path,
                Baseline = removed.Snapshot,
                BaselineScenarioLine = removed.ScenarioLine,
            });
        }

        return new GateResult(results.OrderBy(r => r.ScenarioId, StringComparer.Ordinal).ToArray());
    }

    public static ScenarioComparison CompareOne(CurrentScenario current, SnapshotDocument baseline, IReadOnlyList<GateTolerance> tolerances, IReadOnlyList<AcceptedDifference>? accepted = null, DateOnly today = default)
    {
        accepted ??= [];
        var id = current.Snapshot.ScenarioId;
        if (baseline.Verbatim)
        {
            // The baseline's bytes are the canonical text of this very snapshot: every figure, setting and input equal.
            return new ScenarioComparison
            {
                ScenarioId = id,
                Status = ScenarioStatus.Equal,
                BaselinePath = baseline.Path,
                ScenarioLocation = current.Location,
                Baseline = current.Snapshot,
                Current = current.Snapshot,
                BaselineScenarioLine = baseline.ScenarioLine,
                FirstInputLine = baseline.ScenarioLine,
            };
        }

        var oldFigures = baseline.Snapshot.AllFigures().ToList();
        var newFigures = current.Snapshot.AllFigures().ToDictionary(m => m.Key, StringComparer.Ordinal);
        var cells = baseline.Snapshot.Tables.Concat(current.Snapshot.Tables).SelectMany(t => t.Cells()).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var drifts = new List<MetricDrift>();
        var settingChanges = SettingChanges(baseline.Snapshot, current.Snapshot);
        foreach (var old in oldFigures)
        {
            var line = baseline.LineOf(old.Key);
            if (!newFigures.Remove(old.Key, out var now))
            {
                drifts.Add(Accept(new MetricDrift(old.Key, DriftKind.Removed, old.Value, null, old.Unit, string.Empty, old.Direction, DriftLabel.Change, null, null, false, line, cells.Contains(old.Key)), id, accepted, today));
                continue;
            }

            var drift = CompareFigure(id, old, now, tolerances, line);
            if (drift is not null)
            {
                drifts.Add(Accept(drift with { InTable = cells.Contains(old.Key) }, id, accepted, today));
            }
        }

        // Figures only in the new snapshot, in its order (metrics by key, then table cells).
        foreach (var added in newFigures.Values)
        {
            drifts.Add(Accept(new MetricDrift(added.Key, DriftKind.Added, null, added.Value, string.Empty, added.Unit, added.Direction, DriftLabel.Change, null, null, false, baseline.ScenarioLine, cells.Contains(added.Key)), id, accepted, today));
        }

        return new ScenarioComparison
        {
            ScenarioId = id,
            // A changed setting fails even when tolerances absorb every figure, unless an accepted difference names it
            // (its glob matches setting keys such as decode.batch as well as figures).
            Status = drifts.Any(d => !d.Tolerated) || settingChanges.Any(c => AcceptedDifference.For(accepted, id, c.Key, today) is null) ? ScenarioStatus.Drifted : ScenarioStatus.Equal,
            BaselinePath = baseline.Path,
            ScenarioLocation = current.Location,
            Baseline = baseline.Snapshot,
            Current = current.Snapshot,
            BaselineScenarioLine = baseline.ScenarioLine,
            Drifts = drifts,
            InputChanges = InputChanges(baseline.Snapshot, current.Snapshot),
            SettingChanges = settingChanges,
            SettingLines = settingChanges.ToDictionary(c => c.Key, c => baseline.SettingLineOf(c.Key), StringComparer.Ordinal),
            FirstInputLine = baseline.Snapshot.Inputs.Count > 0 ? baseline.InputLineOf(baseline.Snapshot.Inputs[0].Path) : baseline.ScenarioLine,
        };
    }

    private static MetricDrift? CompareFigure(string scenarioId, Metric old, Metric now, IReadOnlyList<GateTolerance> tolerances, int line)
    {
        if (old.Value == now.Value && old.Unit == now.Unit)
        {
            return null;
        }

        var direction = now.Direction;
        var numeric = old.Value.Kind == now.Value.Kind && old.Value.Kind != SnapshotValueKind.Text;
        var sameUnit = old.Unit == now.Unit;
        double? percent = numeric && sameUnit && old.Value.Number != 0
            ? (now.Value.Number - old.Value.Number) / Math.Abs(old.Value.Number) * 100
            : null;
        var label = !numeric || !sameUnit
            ? DriftLabel.Change
            : Label(direction, now.Value.Number - old.Value.Number);
        var tolerance = GateTolerance.For(tolerances, scenarioId, now.Key);
        var tolerated = tolerance is not null && old.Value.IsNumber && now.Value.IsNumber && sameUnit
            && tolerance.Allows(old.Value.Number, now.Value.Number);
        if (!tolerated && tolerance is { FailOn: ToleranceFailOn.Regressions } && label == DriftLabel.Improvement)
        {
            return new MetricDrift(now.Key, DriftKind.Changed, old.Value, now.Value, old.Unit, now.Unit, direction, label, percent, tolerance, true, line, PassedBecause: "improvement; the tolerance fails on regressions only");
        }

        return new MetricDrift(now.Key, DriftKind.Changed, old.Value, now.Value, old.Unit, now.Unit, direction, label, percent, tolerance, tolerated, line);
    }

    /// <summary>A difference that would fail passes when an accepted-difference entry covers it.</summary>
    private static MetricDrift Accept(MetricDrift drift, string scenarioId, IReadOnlyList<AcceptedDifference> accepted, DateOnly today) =>
        !drift.Tolerated && AcceptedDifference.For(accepted, scenarioId, drift.Key, today) is { } entry
            ? drift with { Tolerated = true, PassedBecause = entry.Describe() }
            : drift;

    private static DriftLabel Label(MetricDirection direction, double delta) => direction switch
    {
        MetricDirection.HigherIsBetter => delta > 0 ? DriftLabel.Improvement : DriftLabel.Regression,
        MetricDirection.LowerIsBetter => delta < 0 ? DriftLabel.Improvement : DriftLabel.Regression,
        _ => DriftLabel.Change,
    };

    private static InputChange[] InputChanges(Snapshot baseline, Snapshot current) =>
        Changed(baseline.Inputs, current.Inputs, i => i.Path, i => i.Sha256)
            .Select(c => new InputChange(c.Key, c.Old, c.New))
            .ToArray();

    private static SettingChange[] SettingChanges(Snapshot baseline, Snapshot current) =>
        Changed(baseline.Settings, current.Settings, s => s.Key, s => s.Value)
            .Select(c => new SettingChange(c.Key, c.Old, c.New))
            .ToArray();

    /// <summary>Keys whose value differs between the two lists (added and removed keys included), in ordinal key order.</summary>
    private static IEnumerable<(string Key, string? Old, string? New)> Changed<T>(
        IEnumerable<T> baseline, IEnumerable<T> current, Func<T, string> key, Func<T, string> value)
    {
        var old = baseline.ToDictionary(key, value, StringComparer.Ordinal);
        var now = current.ToDictionary(key, value, StringComparer.Ordinal);
        return old.Keys.Union(now.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(k => (Key: k, Old: old.GetValueOrDefault(k), New: now.GetValueOrDefault(k)))
            .Where(c => c.Old != c.New);
    }
}
