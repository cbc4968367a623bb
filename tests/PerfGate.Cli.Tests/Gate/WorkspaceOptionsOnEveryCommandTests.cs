namespace PerfGate.Tests.Gate;

/// <summary>
/// The README documents --workspace, --baselines and --set for every command that loads a workspace: each command
/// accepts each option, and the options take effect (a check with --baselines writes its received snapshot there).
/// </summary>
public sealed class WorkspaceOptionsOnEveryCommandTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public WorkspaceOptionsOnEveryCommandTests()
    {
        // A measured gate and a report for 'measured approve|compare --gate' (approve runs first, so compare finds a
        // baseline in whichever baselines folder the option names).
        _ws.Write("perfgate.yaml", "scenarios:\n  - scenarios/*.yaml\nbaselines: baselines\nmeasured:\n  - name: serving\n    minRuns: 1\n");
        _ws.Write("runs.jsonl", "{\"backend\": \"sglang\", \"request_rate\": 2, \"completed\": 256, \"request_throughput\": 1.9, \"mean_ttft_ms\": 600}\n");
        var report = Path.Combine(_ws.Root, "runs.jsonl");
        Commands = [["check"], ["approve", "--all"], ["validate"], ["list"], ["catalog", "list"], ["catalog", "show", "llama-3-8b"], ["accuracy"], ["measured", "approve", report, "--gate", "serving"], ["measured", "compare", report, "--gate", "serving"]];
    }

    // Every command that loads a workspace, as invoked here; bound to the command tree by the test below.
    private string[][] Commands { get; }

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
    public void The_list_above_is_every_command_with_a_workspace_option_and_each_has_all_three()
    {
        // Walks the real command tree: a command that takes --workspace loads a workspace, so it must take --baselines
        // and --set too, and be tried by the theory above.
        var root = PerfGate.Cli.PerfGateApp.CreateRootCommand(new PerfGate.Cli.CliContext(TextWriter.Null, TextWriter.Null, _ => null, Path.GetTempPath(), IsTerminal: false));
        // init's --workspace is where to create one; estimate, search and memory read only the workspace's catalog
        // (the README says so), where baselines and workspace settings do not apply.
        string[] notLoading = ["init", "estimate", "search", "memory"];
        var found = new List<string>();
        void Walk(System.CommandLine.Command command, string path)
        {
            var names = command.Options.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("--workspace") && !notLoading.Contains(path))
            {
                Assert.True(names.Contains("--baselines") && names.Contains("--set"), $"'{path}' takes --workspace but not --baselines and --set");
                found.Add(path);
            }

            foreach (var sub in command.Subcommands)
            {
                Walk(sub, path.Length == 0 ? sub.Name : path + " " + sub.Name);
            }
        }

        Walk(root, string.Empty);
        var tried = Commands.Select(c => string.Join(' ', c) + " ").ToList();
        Assert.Equal(found.Order(StringComparer.Ordinal), found.Where(p => tried.Any(t => t.StartsWith(p + " ", StringComparison.Ordinal))).Order(StringComparer.Ordinal));
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
