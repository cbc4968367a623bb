using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using PerfGate.Cli;

namespace PerfGate.Benchmarks;

/// <summary>
/// Whole <c>perfgate check</c> runs in process, as the CLI runs them (load, evaluate, read and compare the
/// baselines, console report to a null writer) on generated workspaces of 15 and 1,500 scenarios (<see cref="GeneratedWorkspace"/>),
/// approved in the set-up so that every check passes. Process start is on top and is timed with
/// <c>time perfgate check</c> on the published executable (README, "A native executable").
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private GeneratedWorkspace _generated = null!;
    private string _repository = null!;

    [Params(15, 1500)]
    public int Scenarios { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _repository = RepositoryRoot();
        _generated = GeneratedWorkspace.Create(_repository, Scenarios);
        if (Run(_generated.Root, "approve", "--all") != 0)
        {
            throw new InvalidOperationException("approving the generated workspace failed");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _generated.Dispose();

    [Benchmark]
    public int CheckGenerated() => Expect0(Run(_generated.Root, "check"));

    internal static int Run(string workspace, params string[] args) =>
        PerfGateApp.Run([.. args, "--workspace", workspace], new CliContext(TextWriter.Null, TextWriter.Null, _ => null, workspace, IsTerminal: false));

    internal static int Expect0(int exitCode) => exitCode == 0 ? exitCode : throw new InvalidOperationException($"check exited {exitCode}");

    internal static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
