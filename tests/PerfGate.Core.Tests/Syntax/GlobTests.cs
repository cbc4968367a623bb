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

    [Fact]
    public void Matching_the_literal_ends_first_gives_the_full_table_s_answer_for_every_short_pattern_and_text()
    {
        // Every pattern of up to three pieces from {a, b, /, ?, *, **, **/} against every text of up to five characters
        // from {a, b, /}, as names and as paths, against the table alone (Reference, the rule before the literal ends
        // were taken off first).
        string[] pieces = ["a", "b", "/", "?", "*", "**", "**/"];
        var patterns = new List<string> { string.Empty };
        var longest = patterns;
        for (var count = 1; count <= 3; count++)
        {
            longest = [.. longest.SelectMany(p => pieces.Select(x => p + x))];
            patterns.AddRange(longest);
        }

        var texts = new List<string> { string.Empty };
        for (var length = 1; length <= 5; length++)
        {
            texts.AddRange(texts.Where(t => t.Length == length - 1).SelectMany(t => new[] { t + "a", t + "b", t + "/" }).ToList());
        }

        var checkedPairs = 0;
        foreach (var pattern in patterns.Distinct())
        {
            foreach (var paths in new[] { false, true })
            {
                var glob = paths ? Glob.ForPaths(pattern) : Glob.ForNames(pattern);
                foreach (var text in texts)
                {
                    Assert.True(Reference(pattern, paths, text) == glob.IsMatch(text), $"'{pattern}' ({(paths ? "paths" : "names")}) against '{text}'");
                    checkedPairs++;
                }
            }
        }

        Assert.True(checkedPairs > 100_000, $"only {checkedPairs} pairs");
    }

    /// <summary>The glob's table over the whole pattern and text, as it was before the literal ends were matched first.</summary>
    private static bool Reference(string pattern, bool paths, string t)
    {
        var tokens = new List<(char Kind, char Char)>();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var folders = paths && i + 2 < pattern.Length && pattern[i + 2] == '/';
                tokens.Add((folders ? 'F' : 'A', '\0'));
                i += folders ? 2 : 1;
            }
            else if (pattern[i] == '*')
            {
                tokens.Add((paths ? 'S' : 'A', '\0'));
            }
            else
            {
                tokens.Add((pattern[i] == '?' ? 'O' : 'L', pattern[i]));
            }
        }

        var n = t.Length;
        var next = new bool[n + 1];
        var current = new bool[n + 1];
        next[n] = true;
        for (var k = tokens.Count - 1; k >= 0; k--)
        {
            var (kind, ch) = tokens[k];
            current[n] = kind is 'S' or 'A' ? next[n] : kind == 'F' && next[n];
            var folderThenRest = false;
            for (var j = n - 1; j >= 0; j--)
            {
                var c = t[j];
                current[j] = kind switch
                {
                    'L' => c == ch && next[j + 1],
                    'O' => (!paths || c != '/') && next[j + 1],
                    'S' => next[j] || (c != '/' && current[j + 1]),
                    'A' => next[j] || current[j + 1],
                    _ => next[j] || (folderThenRest |= c == '/' && next[j + 1]),
                };
            }

            (next, current) = (current, next);
        }

        return next[0];
    }
}
