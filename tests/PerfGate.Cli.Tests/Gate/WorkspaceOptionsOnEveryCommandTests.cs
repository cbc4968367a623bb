namespace PerfGate.Tests.Gate;

/// <summary>
/// The README documents --workspace, --baselines and --set for every command that loads a workspace: each command
/// accepts each option, and the options take effect (a check with --baselines writes its received snapshot there).
/// </summary>
public sealed class WorkspaceOptionsOnEveryCommandTests : IDisposable
{
    private static readonly string[][] Commands = [["check"], ["approve", "--all"], ["validate"], ["list"], ["catalog", "list"]];

    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    public static TheoryData<string> DocumentedOptions()
    {
        // The options as the README's "Your own workspace" section names them.
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var data = new TheoryData<string>();
        foreach (var option in new[] { "--workspace", "--baselines", "--set" })
        {
            Assert.Contains("`" + option, readme, StringComparison.Ordinal);
            data.Add(option);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedOptions))]
    public void Every_workspace_command_takes_the_documented_option(string option)
    {
        var value = option switch
        {
            "--workspace" => _ws.Root,
            "--baselines" => "alt-baselines",
            _ => "rounding:significantDigits=5",
        };
        foreach (var command in Commands)
        {
            string[] where = option == "--workspace" ? [] : ["--workspace", _ws.Root];
            var (code, output, error) = AppHarness.RunIn(Path.GetTempPath(), [.. command, .. where, option, value]);
            Assert.True(code is 0 or 1, $"{string.Join(' ', command)} {option}: exit {code}\n{output}{error}");
            Assert.DoesNotContain("PG2014", error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Baselines_and_set_take_effect_in_check()
    {
        var (code, _, _) = _ws.Run("check", "--baselines", "alt", "--set", "rounding:significantDigits=4");
        Assert.Equal(1, code);
        Assert.True(_ws.Exists("alt/llama.received.txt"));
        Assert.Contains("rounding = 4 significant digits", _ws.Read("alt/llama.received.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_without_equals_is_a_usage_error_naming_the_keys()
    {
        var (code, _, error) = _ws.Run("check", "--set", "rounding");
        Assert.Equal(2, code);
        Assert.Contains("--set 'rounding' is not key=value", error, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "PerfGate.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("PerfGate.sln not found above the test binaries");
    }
}
