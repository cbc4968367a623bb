using PerfGate.Diagnostics;

namespace PerfGate.Tests.Measurements;

/// <summary>Hand-made malformed files of each format: one located error each (file, line, column), never an exception.</summary>
public class MalformedReportTests
{
    [Theory]
    [InlineData("guidellm-trailing-comma.json", DiagnosticIds.MeasuredSyntax, 4, 73, "not valid JSON")]
    [InlineData("guidellm-unknown-strategy.json", DiagnosticIds.MeasuredInvalidValue, 3, 72, "unknown GuideLLM strategy 'sweep'; expected one of synchronous, throughput, concurrent, constant, poisson, async")]
    [InlineData("vllm-no-throughput.json", DiagnosticIds.MeasuredMissingField, 1, 1, "no 'request_throughput' number")]
    [InlineData("sglang-truncated-line.jsonl", DiagnosticIds.MeasuredSyntax, 2, 124, "not valid JSON")]
    [InlineData("markdown-bad-cell.md", DiagnosticIds.MeasuredInvalidValue, 5, 43, "'fast ms' in column 'Time to First Token' is not a number with a unit convertible to ms")]
    [InlineData("markdown-short-row.md", DiagnosticIds.MeasuredSyntax, 5, 3, "this row has 5 cells, the header 6")]
    [InlineData("mindie-decimal-comma.txt", DiagnosticIds.MeasuredInvalidValue, 6, 28, "'394,7728 ms' (FirstTokenTime, average) is not a number")]
    [InlineData("mindie-bad-count.txt", DiagnosticIds.MeasuredInvalidValue, 32, 48, "'none' (Failed) is not a count; expected e.g. '0( 0.0% )'")]
    [InlineData("aiperf-bad-unit.json", DiagnosticIds.MeasuredInvalidValue, 4, 36, "'time_to_first_token' has unit 'fortnights', which PerfGate cannot convert to ms")]
    [InlineData("unrecognised.txt", DiagnosticIds.MeasuredUnknownFormat, 1, 1, "this is not a report PerfGate recognises; pass --format, one of: guidellm-json")]
    public void Is_a_located_error(string file, string id, int line, int column, string message)
    {
        var result = MeasuredTestData.Import("malformed/" + file);
        Assert.False(result.Succeeded);
        Assert.Empty(result.Runs);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(id, error.Id);
        Assert.Equal(new SourceLocation("TestData/malformed/" + file, line, column), error.Location);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_format_name_lists_the_valid_ones()
    {
        var result = MeasuredTestData.Import("vllm.json", format: "vllm");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.MeasuredUnknownFormat, error.Id);
        Assert.Equal("unknown format 'vllm'; expected one of guidellm-json, guidellm-markdown, vllm-json, sglang-jsonl, aiperf-json, mindie-console", error.Message);
    }

    [Fact]
    public void A_named_format_that_does_not_fit_is_a_located_error()
    {
        var result = MeasuredTestData.Import("seed-001-serving-sweeps.md", format: "vllm-json");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.MeasuredSyntax, error.Id);
        Assert.Equal(1, error.Location.Line);
    }
}
