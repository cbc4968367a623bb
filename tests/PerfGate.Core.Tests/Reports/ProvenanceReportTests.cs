using PerfGate.Diagnostics;
using PerfGate.Reports;
using PerfGate.Tests.Gate;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Reports;

/// <summary>Every report shows a setting-only drift and stale provenance; snapshot-tested under the invariant culture and de-DE.</summary>
public sealed class ProvenanceReportTests
{
    private static readonly ReportContext Context = new(p => p);

    [Fact]
    public void Markdown() =>
        SnapshotAssert.MatchesInEveryCulture(() => new MarkdownReport().Render(SampleProvenance.Result(), Context), "Report.provenance", "md");

    [Fact]
    public void Json() =>
        SnapshotAssert.MatchesInEveryCulture(() => new JsonReport().Render(SampleProvenance.Result(), Context), "Report.provenance", "json");

    [Fact]
    public void JUnit() =>
        SnapshotAssert.MatchesInEveryCulture(() => new JUnitReport().Render(SampleProvenance.Result(), Context), "Report.provenance.junit", "xml");

    [Fact]
    public void MsBuild_diagnostics() =>
        SnapshotAssert.MatchesInEveryCulture(() => new MsBuildDiagnosticFormat().Write(GateDiagnostics.Create(SampleProvenance.Result(), Severity.Error, p => p)), "Report.provenance.msbuild", "txt");

    [Fact]
    public void GitHub_annotations() =>
        SnapshotAssert.MatchesInEveryCulture(() => new GitHubDiagnosticFormat().Write(GateDiagnostics.Create(SampleProvenance.Result(), Severity.Error, p => p)), "Report.provenance.github", "txt");
}
