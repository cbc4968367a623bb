using System.Globalization;
using PerfGate.Reports;

namespace PerfGate.Workspace;

/// <summary><c>perfgate list</c>'s table: each scenario's id, model, hardware, cards and the sections it computes (decode, search, memory).</summary>
public static class ScenarioTable
{
    public static TextTable Of(LoadedWorkspace workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return new(null, ["id", "model", "hardware", "cards", "sections"], [.. workspace.Scenarios.Select(s => (IReadOnlyList<string>)
        [
            s.Id,
            s.Model,
            s.Hardware,
            s.EffectiveCards.ToString(CultureInfo.InvariantCulture),
            string.Join(", ", new[] { s.Decode is null ? null : "decode", s.Search is null ? null : "search", s.Memory is null ? null : "memory" }.OfType<string>()),
        ])]);
    }
}
