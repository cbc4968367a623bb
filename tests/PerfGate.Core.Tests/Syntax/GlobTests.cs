using PerfGate.Syntax;

namespace PerfGate.Tests.Syntax;

/// <summary>
/// The one glob: names (scenario ids, metric keys; tolerances, accepted differences, check filters) and workspace paths
/// (perfgate.yaml scenarios:). The cases are the union of what the two former globs (Gate.Glob and Workspace.Glob) did.
/// </summary>
public sealed class GlobTests
{
    [Theory]
    [InlineData("qwq-*", "qwq-32b-910b3", true)]
    [InlineData("*", "", true)]
    [InlineData("memory.*", "memory.stack.kv", true)]
    [InlineData("memory.?", "memory.kv", false)]
    [InlineData("memory.??", "memory.kv", true)]
    [InlineData("*.kv_cache", "memory.stack.kv_cache", true)]
    [InlineData("decode.*[*].time", "decode.breakdown[mlp].time", true)]
    [InlineData("llama*", "qwq", false)]
    [InlineData("search.*", "search.rows[h800/cx7-400g/ep144/ne1]", true)]
    [InlineData("search.*/ep144/*", "search.rows[h800/cx7-400g/ep144/ne1]", true)]
    [InlineData("Memory.*", "memory.total", false)]
    [InlineData("a*b*c*d", "aXbXcX", false)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    public void Names_match_any_text_at_a_star(string pattern, string name, bool expected) =>
        Assert.Equal(expected, Glob.IsMatch(pattern, name));

    [Theory]
    [InlineData("scenarios/*.yaml", "scenarios/a.yaml", true)]
    [InlineData("scenarios/*.yaml", "scenarios/sub/a.yaml", false)]
    [InlineData("scenarios/**/*.yaml", "scenarios/a.yaml", true)]
    [InlineData("scenarios/**/*.yaml", "scenarios/x/y/a.yaml", true)]
    [InlineData("scenarios/**", "scenarios/x/y/a.yaml", true)]
    [InlineData("scenarios/?.yaml", "scenarios/a.yaml", true)]
    [InlineData("scenarios?a.yaml", "scenarios/a.yaml", false)]
    [InlineData("scenarios\\*.yaml", "scenarios/a.yaml", true)]
    [InlineData("scenarios/*.yaml", "scenarios\\a.yaml", true)]
    [InlineData("**/*.yaml", "a.yaml", true)]
    [InlineData("scenarios/*.yaml", "scenarios/a.yml", false)]
    [InlineData("Scenarios/*.yaml", "scenarios/a.yaml", false)]
    public void Paths_keep_a_star_within_one_folder_and_a_double_star_crosses_folders(string pattern, string path, bool expected) =>
        Assert.Equal(expected, Glob.ForPaths(pattern).IsMatch(path));

    [Fact]
    public void A_long_text_against_many_stars_is_matched_without_backtracking()
    {
        var text = new string('a', 20_000);
        Assert.False(Glob.IsMatch("*a*a*a*a*a*a*a*a*a*a*b", text));
        Assert.True(Glob.ForPaths("**/*a*a*a*a*a*a").IsMatch(text));
    }

    [Theory]
    [InlineData("a*", true)]
    [InlineData("a?", true)]
    [InlineData("scenarios/a.yaml", false)]
    public void Wildcards_are_star_and_question_mark(string pattern, bool expected) =>
        Assert.Equal(expected, Glob.HasWildcards(pattern));
}
