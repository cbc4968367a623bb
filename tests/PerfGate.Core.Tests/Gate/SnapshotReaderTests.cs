using PerfGate.Diagnostics;
using PerfGate.Gate;

namespace PerfGate.Tests.Gate;

public sealed class SnapshotReaderTests
{
    private const string Path = "baselines/qwq-32b-910b3.verified.txt";

    private static string Valid => SnapshotWriter.Write(SampleSnapshots.Qwq());

    private static int LineOf(string text, string startsWith) =>
        Array.FindIndex(text.Split('\n'), l => l.StartsWith(startsWith, StringComparison.Ordinal)) + 1;

    private static Diagnostic Error(string text)
    {
        var read = SnapshotReader.Read(text, Path);
        Assert.False(read.IsValid);
        Assert.Equal(DiagnosticIds.CorruptBaseline, read.Error!.Id);
        Assert.Equal(Path, read.Error.Location.File);
        return read.Error;
    }

    [Fact]
    public void Records_the_line_of_every_figure()
    {
        var doc = SnapshotReader.Read(Valid, Path).Document!;
        Assert.Equal(LineOf(Valid, "decode.step_time ="), doc.LineOf("decode.step_time"));
        Assert.Equal(LineOf(Valid, "mlp ="), doc.LineOf("decode.breakdown[mlp].time"));
        Assert.Equal(LineOf(Valid, "scenario ="), doc.ScenarioLine);
    }

    [Fact]
    public void A_number_with_a_decimal_comma_names_file_line_and_column()
    {
        var text = Valid.Replace("decode.step_time = 27.1235 ms", "decode.step_time = 27,1235 ms", StringComparison.Ordinal);
        var error = Error(text);
        Assert.Equal(LineOf(text, "decode.step_time ="), error.Location.Line);
        Assert.Equal("decode.step_time = ".Length + 1, error.Location.Column);
        Assert.Contains("'27,1235' is not a number", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"{Path}({error.Location.Line},20): error PG1004: corrupt baseline:", error.ToCanonicalString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_edited_number_not_in_canonical_form_is_rejected()
    {
        var text = Valid.Replace("= 27.1235 ms", "= 27.12350 ms", StringComparison.Ordinal);
        var error = Error(text);
        Assert.Equal(LineOf(text, "decode.step_time ="), error.Location.Line);
        Assert.Contains("not in canonical form; the writer would write '27.1235'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_digits_than_the_rounding_rule_allows_is_rejected()
    {
        var text = Valid.Replace("= 27.1235 ms", "= 27.123456 ms", StringComparison.Ordinal);
        var error = Error(text);
        Assert.Equal(LineOf(text, "decode.step_time ="), error.Location.Line);
        Assert.Contains("more than the stated 6 significant digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reordered_line_is_reported_at_the_first_line_out_of_place()
    {
        var lines = Valid.Split('\n');
        var a = LineOf(Valid, "decode.pipeline =") - 1;
        var b = LineOf(Valid, "decode.step_time =") - 1;
        (lines[a], lines[b]) = (lines[b], lines[a]);
        var error = Error(string.Join('\n', lines));
        Assert.Equal(a + 1, error.Location.Line);
        Assert.Contains("not in the canonical form", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_metric_names_both_lines()
    {
        var line = LineOf(Valid, "decode.step_time =");
        var text = Valid.Replace("decode.step_time = 27.1235 ms (lower is better)\n", "decode.step_time = 27.1235 ms (lower is better)\ndecode.step_time = 28 ms (lower is better)\n", StringComparison.Ordinal);
        var error = Error(text);
        Assert.Equal(line + 1, error.Location.Line);
        Assert.Contains($"'decode.step_time' appears twice (first on line {line})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crlf_line_endings_are_rejected_with_the_gitattributes_hint()
    {
        var error = Error(Valid.Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(1, error.Location.Line);
        Assert.Contains("eol=lf", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[metrics]", "[figures]", "unknown section '[figures]'")]
    [InlineData("format = perfgate-snapshot/1", "format = perfgate-snapshot/9", "is not supported")]
    [InlineData("= sha256:1111", "= sha256:XYZ1", "64 lowercase hex digits")]
    [InlineData("columns = time us (lower is better) | bound", "columns = time us (lower is better)", "row has 2 cells but the table has 1 columns")]
    [InlineData("decode.pipeline = \"naive\"", "decode.pipeline = \"naive", "unterminated")]
    [InlineData("memory.fits = true", "memory.fits = true GiB", "only numbers have units")]
    [InlineData("model = \"qwq-32b\"", "model = qwq-32b", "must be one quoted text")]
    public void Malformed_content_is_an_error_naming_the_problem(string find, string replace, string expected)
    {
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);
        var error = Error(text);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.True(error.Location.Line > 0);
    }

    [Fact]
    public void A_truncated_file_is_an_error()
    {
        // Cut right after the scenario line: the tool and rounding lines are gone.
        var error = Error(Valid[..(Valid.IndexOf("tool =", StringComparison.Ordinal))]);
        Assert.Contains("header key 'tool' is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_says_how_to_recover()
    {
        var error = Error(Valid.Replace("[metrics]", "[figures]", StringComparison.Ordinal));
        Assert.Contains("perfgate approve qwq-32b-910b3", error.Message, StringComparison.Ordinal);
    }
}
