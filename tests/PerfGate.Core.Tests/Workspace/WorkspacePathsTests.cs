using PerfGate.Workspace;

namespace PerfGate.Core.Tests.Workspace;

public sealed class WorkspacePathsTests
{
    /// <summary>What RelativeInside answered before its shortcut for plain tails: GetRelativePath on both paths.</summary>
    private static string? ByFullPaths(string root, string absolutePath)
    {
        var relative = Path.GetRelativePath(root, absolutePath).Replace('\\', '/');
        if (relative == ".")
        {
            return string.Empty;
        }

        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }

    [Theory]
    [InlineData("/ws", "/ws/scenarios/a.yaml", "scenarios/a.yaml")]
    [InlineData("/ws", "/ws/a.yaml", "a.yaml")]
    [InlineData("/ws", "/ws", "")]
    [InlineData("/ws", "/ws/", "")]
    [InlineData("/ws", "/wsx/a.yaml", null)]
    [InlineData("/ws", "/other/a.yaml", null)]
    [InlineData("/ws", "/ws/../a.yaml", null)]
    [InlineData("/ws", "/ws/x/../../a.yaml", null)]
    [InlineData("/ws", "/ws/x/../a.yaml", "a.yaml")]
    [InlineData("/ws", "/ws/./x/a.yaml", "x/a.yaml")]
    [InlineData("/ws", "/ws//x/a.yaml", "x/a.yaml")]
    [InlineData("/ws", "/ws/x/", "x/")]
    [InlineData("/ws", "/ws/x/.", "x")]
    [InlineData("/ws/sub/..", "/ws/sub/../a.yaml", "a.yaml")]
    [InlineData("/ws/./sub", "/ws/./sub/a.yaml", "a.yaml")]
    [InlineData("/ws/./sub", "/ws/sub/a.yaml", "a.yaml")]
    [InlineData("/", "/a.yaml", "a.yaml")]
    [InlineData("/ws", "/ws/x..y/a.b", "x..y/a.b")]
    [InlineData("/ws", "/ws/.hidden/a", ".hidden/a")]
    public void A_path_inside_the_root_is_its_relative_path_the_same_by_either_route(string root, string path, string? expected)
    {
        Assert.Equal(expected, WorkspacePaths.RelativeInside(root, path));
        Assert.Equal(ByFullPaths(root, path), WorkspacePaths.RelativeInside(root, path));
    }
}
