using System.Text.RegularExpressions;
using PerfGate.Cli.Commands;

namespace PerfGate.Tests.Memory;

public sealed partial class MemoryOptionsTests
{
    [Fact]
    public void Every_option_is_kebab_case_and_described()
    {
        var options = new MemoryOptions().All.ToList();
        Assert.Equal(29, options.Count);
        Assert.All(options, o =>
        {
            Assert.Matches(KebabCase(), o.Name);
            Assert.False(string.IsNullOrWhiteSpace(o.Description), o.Name);
        });
        Assert.Equal(options.Count, options.Select(o => o.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [GeneratedRegex("^--[a-z]+(-[a-z]+)*$")]
    private static partial Regex KebabCase();
}
