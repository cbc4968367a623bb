using PerfGate.Gate;
using PerfGate.Reports;

namespace PerfGate.Tests.Reports;

/// <summary>What approve prints per baseline, at the end, and when it refuses.</summary>
public sealed class ApprovalReportTests
{
    [Theory]
    [InlineData(ApprovalAction.Created, "created  b/s.verified.txt (new scenario s)")]
    [InlineData(ApprovalAction.Removed, "removed  b/s.verified.txt (scenario s no longer exists)")]
    [InlineData(ApprovalAction.Unchanged, "same     b/s.verified.txt")]
    [InlineData(ApprovalAction.Updated, "updated  b/s.verified.txt (provenance only: the old baseline was unreadable)")]
    public void Each_action_is_one_line(ApprovalAction action, string expected)
    {
        Assert.Equal([expected], ApprovalReport.Lines(new Approval("s", action, null, ReceivedWasStale: false), "b/s.verified.txt"));
    }

    [Fact]
    public void A_stale_received_snapshot_gets_a_note()
    {
        var lines = ApprovalReport.Lines(new Approval("s", ApprovalAction.Created, null, ReceivedWasStale: true), "b/s.verified.txt");

        Assert.Equal("    note: s.received.txt was stale (an input changed since the last check); the freshly recomputed result was approved.", lines[1]);
    }

    [Fact]
    public void An_unknown_action_is_a_bug_not_an_update()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ApprovalReport.Lines(new Approval("s", (ApprovalAction)42, null, false), "p"));
    }

    [Fact]
    public void The_summary_counts_the_baselines_that_changed()
    {
        var unchanged = new Approval("a", ApprovalAction.Unchanged, null, false);
        var created = new Approval("b", ApprovalAction.Created, null, false);

        Assert.Equal("Nothing to approve: every baseline already holds its recomputed result.", ApprovalReport.Summary(new ApproveOutcome([unchanged], []), "baselines"));
        Assert.Equal("Approved 1 baseline(s). Review and commit the changes in baselines.", ApprovalReport.Summary(new ApproveOutcome([unchanged, created], []), "baselines"));
    }

    [Fact]
    public void Approve_needs_names_or_all_but_not_both()
    {
        Assert.Null(ApprovalReport.SelectionProblem(2, all: false));
        Assert.Null(ApprovalReport.SelectionProblem(0, all: true));
        Assert.EndsWith("approve needs the scenarios to approve (perfgate approve <scenario>...) or --all.", ApprovalReport.SelectionProblem(0, all: false), StringComparison.Ordinal);
        Assert.Equal("perfgate: error PG2014: give scenario names or --all, not both.", ApprovalReport.SelectionProblem(1, all: true));
    }

    [Fact]
    public void The_ci_refusal_names_what_to_review()
    {
        Assert.Equal(
            "perfgate: error PG1006: approve refused: this looks like CI (CI or GITHUB_ACTIONS is set). Approve on your machine, review the diff of perf/*.verified.txt and commit it; pass --force to approve here anyway.",
            ApprovalReport.RefusedOnCi("perf/*.verified.txt"));
    }
}
