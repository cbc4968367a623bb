using PerfGate.Diagnostics;
using PerfGate.Reports;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Reports;

/// <summary>Where a report goes: its file (through the port), the job summary, or standard output; and what happens when it cannot.</summary>
public sealed class ReportWriterTests
{
    private static readonly ReportContext Context = new(p => p);

    private static ReportRequest Request(string text)
    {
        Assert.True(ReportRequest.TryParse(text, out var request, out var error), error);
        return request;
    }

    [Fact]
    public void A_report_with_a_file_is_written_there_relative_to_the_current_directory()
    {
        var fs = new InMemoryFileSystem();

        var written = new ReportWriter(fs, "/w", Context).Write(Request("json=out/r.json"), SampleResults.Mixed());

        Assert.True(written.Written);
        Assert.Equal(string.Empty, written.StandardOutput);
        Assert.Equal(ReportFormats.Find("json")!.Render(SampleResults.Mixed(), Context), fs["/w/out/r.json"]);
    }

    [Fact]
    public void Without_a_file_the_report_is_standard_output_or_appended_to_the_job_summary()
    {
        var fs = new InMemoryFileSystem { ["/w/summary.md"] = "before\n" };
        var markdown = ReportFormats.Find("markdown")!.Render(SampleResults.AllEqual(), Context);

        var plain = new ReportWriter(fs, "/w", Context).Write(Request("markdown"), SampleResults.AllEqual());
        var summary = new ReportWriter(fs, "/w", Context) { JobSummary = "summary.md" }.Write(Request("markdown"), SampleResults.AllEqual());

        Assert.Equal(markdown, plain.StandardOutput);
        Assert.Equal(string.Empty, summary.StandardOutput);
        Assert.Equal("before\n" + markdown + "\n", fs["/w/summary.md"]);
    }

    [Fact]
    public void A_job_summary_that_is_a_folder_is_only_a_warning()
    {
        var fs = new InMemoryFileSystem { ["/w/summary/x"] = "" };

        var written = new ReportWriter(fs, "/w", Context) { JobSummary = "/w/summary" }.Write(Request("markdown"), SampleResults.AllEqual());

        Assert.True(written.Written);
        var warning = Assert.Single(written.Diagnostics);
        Assert.Equal((Severity.Warning, DiagnosticIds.OutputNotWritable, "/w/summary"), (warning.Severity, warning.Id, warning.Location.File));
        Assert.StartsWith("GITHUB_STEP_SUMMARY: cannot append the markdown report to the job summary (it is a folder, not a file)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_file_that_cannot_be_written_is_an_error_at_its_absolute_path()
    {
        var fs = new InMemoryFileSystem { ["/w/r.json/x"] = "" };

        var written = new ReportWriter(fs, "/w", Context).Write(Request("json=r.json"), SampleResults.AllEqual());

        Assert.False(written.Written);
        Assert.Equal("/w/r.json: error PG2017: --report json: this is a folder; name a file to write", Assert.Single(written.Diagnostics).ToCanonicalString());
    }
}
