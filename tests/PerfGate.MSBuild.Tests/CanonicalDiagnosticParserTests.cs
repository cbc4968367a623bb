namespace PerfGate.MSBuild.Tests;

public sealed class CanonicalDiagnosticParserTests
{
    [Fact]
    public void File_line_and_column()
    {
        var d = CanonicalDiagnosticParser.TryParse("baselines/h100-llama.verified.txt(12,3): error PG1001: decode.tps 41.2 -> 39.8 (-3.4%)");

        Assert.NotNull(d);
        Assert.Equal("baselines/h100-llama.verified.txt", d.File);
        Assert.Equal(12, d.Line);
        Assert.Equal(3, d.Column);
        Assert.True(d.IsError);
        Assert.Equal("PG1001", d.Code);
        Assert.Equal("decode.tps 41.2 -> 39.8 (-3.4%)", d.Message);
    }

    [Fact]
    public void Windows_path_keeps_its_drive_letter_and_end_position()
    {
        var d = CanonicalDiagnosticParser.TryParse(@"C:\work\perfgate.yaml(3,5,3,9): warning PG2002: unknown key 'baseline'; did you mean 'baselines'?");

        Assert.NotNull(d);
        Assert.Equal(@"C:\work\perfgate.yaml", d.File);
        Assert.Equal((3, 5, 3, 9), (d.Line, d.Column, d.EndLine, d.EndColumn));
        Assert.False(d.IsError);
        Assert.Equal("PG2002", d.Code);
    }

    [Fact]
    public void Line_only_and_file_only()
    {
        var lineOnly = CanonicalDiagnosticParser.TryParse("scenarios/a.yaml(7): error PG2003: missing field 'model'");
        var fileOnly = CanonicalDiagnosticParser.TryParse("baselines/gone.verified.txt: error PG1003: scenario 'gone' was removed");

        Assert.Equal(("scenarios/a.yaml", 7, 0), (lineOnly!.File, lineOnly.Line, lineOnly.Column));
        Assert.Equal(("baselines/gone.verified.txt", 0, "PG1003"), (fileOnly!.File, fileOnly.Line, fileOnly.Code));
    }

    [Fact]
    public void Tool_origin_means_no_file()
    {
        var d = CanonicalDiagnosticParser.TryParse("perfgate: error PG2014: Unrecognized command or argument 'chek'.");

        Assert.NotNull(d);
        Assert.Equal(string.Empty, d.File);
        Assert.Equal("PG2014", d.Code);
        Assert.Equal("Unrecognized command or argument 'chek'.", d.Message);
    }

    [Theory]
    [InlineData("| h100-llama | equal | 0 |")]
    [InlineData("Error: something without a code")]
    [InlineData("3 scenarios: 2 equal, 1 drifted")]
    [InlineData("")]
    public void Other_output_is_not_a_diagnostic(string line) => Assert.Null(CanonicalDiagnosticParser.TryParse(line));
}
