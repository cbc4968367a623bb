using PerfGate.Diagnostics;

namespace PerfGate.Tests.Reports;

/// <summary>Workspace paths shown relative to the current directory when inside it, absolute otherwise; other origins as they are.</summary>
public sealed class PathDisplayTests
{
    private static readonly PathDisplay Paths = new("/w/sub", "/w");

    [Theory]
    [InlineData("sub/a.yaml", "a.yaml")]
    [InlineData("/w/sub/b/c.yaml", "b/c.yaml")]
    [InlineData("other/a.yaml", "/w/other/a.yaml")]
    public void A_workspace_path_is_relative_only_inside_the_current_directory(string path, string shown)
    {
        Assert.Equal(shown, Paths.Show(path));
    }

    [Fact]
    public void Built_in_and_command_line_locations_are_left_alone()
    {
        Assert.Equal(DocumentNames.BuiltIn("h100.yaml"), Paths.Show(DocumentNames.BuiltIn("h100.yaml")));
        Assert.Equal(DocumentNames.CommandLine, Paths.Show(DocumentNames.CommandLine));
    }

    [Fact]
    public void A_diagnostic_is_shown_at_its_file_and_one_without_a_location_is_unchanged()
    {
        var located = Diagnostic.Error("PG2001", "bad", new SourceLocation("sub/a.yaml", 3, 4));
        var unlocated = Diagnostic.Error("PG2001", "bad", SourceLocation.None);

        Assert.Equal("a.yaml(3,4): error PG2001: bad", Paths.Show(located).ToCanonicalString());
        Assert.Same(unlocated, Paths.Show(unlocated));
    }
}
