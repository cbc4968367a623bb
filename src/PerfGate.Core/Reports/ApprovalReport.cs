using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Gate;

namespace PerfGate.Reports;

/// <summary>
/// What <c>perfgate approve</c> tells the user: per scenario what happened to its baseline (a new one, a removed one,
/// the figures that changed and why, or provenance only), the closing line, and why an approval was refused.
/// </summary>
public static class ApprovalReport
{
    /// <summary>The most figures listed per updated baseline; the rest are counted (the diff shows them).</summary>
    public const int MaxDriftsListed = 20;

    /// <summary>The lines for one approval; <paramref name="path"/> is its baseline as shown to the user.</summary>
    public static IReadOnlyList<string> Lines(Approval approval, string path)
    {
        ArgumentNullException.ThrowIfNull(approval);
        var lines = new List<string>();
        switch (approval.Action)
        {
            case ApprovalAction.Created:
                lines.Add($"created  {path} (new scenario {approval.ScenarioId})");
                break;
            case ApprovalAction.Removed:
                lines.Add($"removed  {path} (scenario {approval.ScenarioId} no longer exists)");
                break;
            case ApprovalAction.Unchanged:
                lines.Add($"same     {path}");
                break;
            case ApprovalAction.Updated:
                var changes = approval.Changes;
                var drifts = changes?.Drifts ?? [];
                lines.Add(drifts.Count == 0
                    ? $"updated  {path} (provenance only: {(changes is null ? "the old baseline was unreadable" : ReportFormat.Causes(changes))})"
                    : string.Create(CultureInfo.InvariantCulture, $"updated  {path}: {drifts.Count} figure(s) changed; inputs: {ReportFormat.Causes(changes!)}"));
                lines.AddRange(ReportFormat.Ranked(drifts).Take(MaxDriftsListed).Select(d => "    " + ReportFormat.Drift(d, CultureInfo.InvariantCulture)));
                if (drifts.Count > MaxDriftsListed)
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"    ... and {drifts.Count - MaxDriftsListed} more (see the diff)"));
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(approval), approval.Action, "unknown approval action");
        }

        if (approval.ReceivedWasStale)
        {
            lines.Add($"    note: {approval.ScenarioId}.received.txt was stale (an input changed since the last check); the freshly recomputed result was approved.");
        }

        return lines;
    }

    /// <summary>The closing line of a successful approve; <paramref name="folder"/> is the baselines folder as shown.</summary>
    public static string Summary(ApproveOutcome outcome, string folder)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var changed = outcome.Approvals.Count(a => a.Action != ApprovalAction.Unchanged);
        return changed == 0
            ? "Nothing to approve: every baseline already holds its recomputed result."
            : string.Create(CultureInfo.InvariantCulture, $"Approved {changed} baseline(s). Review and commit the changes in {folder}.");
    }

    /// <summary>Null when approve was given scenario names or --all (not both); otherwise the error line.</summary>
    public static string? SelectionProblem(int names, bool all) => (names, all) switch
    {
        (0, false) => $"perfgate: error {DiagnosticIds.InvalidSetting}: approve needs the scenarios to approve (perfgate approve <scenario>...) or --all.",
        ( > 0, true) => $"perfgate: error {DiagnosticIds.InvalidSetting}: give scenario names or --all, not both.",
        _ => null,
    };

    /// <summary>The error line when an approval is refused under CI; <paramref name="review"/> names what the user should review.</summary>
    public static string RefusedOnCi(string review) =>
        $"perfgate: error {DiagnosticIds.ApproveRefusedOnCi}: approve refused: this looks like CI (CI or GITHUB_ACTIONS is set). Approve on your machine, review the diff of {review} and commit it; pass --force to approve here anyway.";
}
