using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Reports;

namespace PerfGate.Run;

/// <summary>
/// One run's output on the host's standard output: diagnostics in the host's format (at most one format, never both),
/// paths as <paramref name="paths"/> shows them, and reports through <see cref="ReportWriter"/>.
/// </summary>
internal sealed class GatePrinter(GateHost host, PathDisplay paths)
{
    public void Problems(IEnumerable<Diagnostic> problems) => Write([.. problems.Select(d => new GateFinding(paths.Show(d), 0))]);

    public void Findings(GateResult result, Severity severity) => Write(GateDiagnostics.Create(result, severity, paths.Show));

    /// <summary>Findings made elsewhere (the shards' of a merge), paths already as shown.</summary>
    public void Findings(IReadOnlyList<GateFinding> findings) => Write(findings);

    /// <summary>The host's report look with this run's paths.</summary>
    public ReportContext Context => host.Reports with { DisplayPath = paths.Show };

    /// <summary>Writes one report; false when a report file could not be written (its PG2017 error is printed).</summary>
    public bool Report(ReportRequest request, GateResult result, ReportContext context)
    {
        var written = new ReportWriter(host.Files, host.CurrentDirectory, context) { JobSummary = host.JobSummary }.Write(request, result);
        host.Out.Write(written.StandardOutput);
        Problems(written.Diagnostics);
        return written.Written;
    }

    private void Write(IReadOnlyList<GateFinding> findings)
    {
        if (findings.Count > 0)
        {
            host.Out.Write(host.Diagnostics.Write(findings));
        }
    }
}
