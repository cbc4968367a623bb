using PerfGate.Run;

namespace PerfGate.Tests.Run;

/// <summary>What measured approve prints after it wrote a gate's baseline.</summary>
public sealed class MeasuredGateOutcomeTests
{
    [Fact]
    public void Approval_lists_the_reports_approved_and_removed_then_the_folder_to_commit()
    {
        var outcome = new MeasuredGateOutcome(null, null, ["perf/measured/g/a.json", "perf/measured/g/b.json"], ["perf/measured/g/old.json"], []);

        Assert.Equal(
            [
                "approved  perf/measured/g/a.json",
                "approved  perf/measured/g/b.json",
                "removed   perf/measured/g/old.json",
                "Measured gate 'g': 2 baseline report(s). Review and commit the changes in perf/measured/g/.",
            ],
            outcome.ApprovalLines("g"));
    }
}
