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
    public void File_only()
    {
        var fileOnly = CanonicalDiagnosticParser.TryParse("baselines/gone.verified.txt: error PG1003: scenario 'gone' was removed");

        Assert.Equal(("baselines/gone.verified.txt", 0, "PG1003"), (fileOnly!.File, fileOnly.Line, fileOnly.Code));
    }

    [Theory]
    // The CLI writes a line only with its column, so a lone "(N)" ends the file name.
    [InlineData("out/report(2): error PG2017: --report json: this is a folder", "out/report(2)", 0, 0)]
    [InlineData("out/report (2): error PG2017: --report json: this is a folder", "out/report (2)", 0, 0)]
    [InlineData("out/report(2)(3,4): error PG2017: x", "out/report(2)", 3, 4)]
    // Numbers past int.MaxValue are not a position (int.Parse threw OverflowException here).
    [InlineData("a.yaml(99999999999,1): error PG2005: x", "a.yaml(99999999999,1)", 0, 0)]
    [InlineData("a.yaml(1,99999999999): error PG2005: x", "a.yaml(1,99999999999)", 0, 0)]
    [InlineData("a.yaml(0,1): error PG2005: x", "a.yaml(0,1)", 0, 0)]
    public void A_name_ending_in_parentheses_or_an_impossible_position_is_the_file_name(string line, string file, int lineNumber, int column)
    {
        var d = CanonicalDiagnosticParser.TryParse(line);

        Assert.NotNull(d);
        Assert.Equal((file, lineNumber, column), (d.File, d.Line, d.Column));
        Assert.True(d.IsError);
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
    [InlineData("warning PG1001: no origin at all")]
    public void Other_output_is_not_a_diagnostic(string line) => Assert.Null(CanonicalDiagnosticParser.TryParse(line));
}
