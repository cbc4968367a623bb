namespace PerfGate.MSBuild.Tests;

/// <summary>
/// A <see cref="PerfGateTask"/> wired to a <see cref="FakeBuildEngine"/>, a temporary workspace and canned tool
/// output: what the perfgate CLI prints for a case, fed through the task's real output handling.
/// </summary>
internal sealed class TaskHarness : IDisposable
{
    private readonly Dictionary<string, string> environment = new(StringComparer.Ordinal);

    public TaskHarness()
    {
        Root = Path.Combine(Path.GetTempPath(), "perfgate-task-" + Guid.NewGuid().ToString("N"));
        Workspace = Path.Combine(Root, "ws");
        Directory.CreateDirectory(Workspace);
        ToolAssembly = Path.Combine(Root, "tools", "perfgate.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(ToolAssembly)!);
        File.WriteAllText(ToolAssembly, string.Empty);
        DotnetHost = Path.Combine(Root, "dotnet-host");
        File.WriteAllText(DotnetHost, string.Empty);
        StampFile = Path.Combine(Root, "obj", "perfgate.stamp");
        Task = new PerfGateTask
        {
            BuildEngine = Engine,
            ToolAssembly = ToolAssembly,
            Workspace = Workspace,
            DotnetHostPath = DotnetHost,
            StampFile = StampFile,
            GetEnvironmentVariable = name => environment.TryGetValue(name, out var v) ? v : null,
            RunToolOverride = (tool, commandLine) =>
            {
                Runs.Add((tool, commandLine));
                return (ExitCode, Output);
            },
        };
    }

    public string Root { get; }

    public string Workspace { get; }

    public string ToolAssembly { get; }

    public string DotnetHost { get; }

    public string StampFile { get; }

    public FakeBuildEngine Engine { get; } = new();

    public PerfGateTask Task { get; }

    public List<(string Tool, string CommandLine)> Runs { get; } = [];

    public int ExitCode { get; set; }

    public IReadOnlyList<string> Output { get; set; } = [];

    public void SetEnvironment(string name, string value) => environment[name] = value;

    public bool Run(int exitCode, params string[] output)
    {
        ExitCode = exitCode;
        Output = output;
        return Task.Execute();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
