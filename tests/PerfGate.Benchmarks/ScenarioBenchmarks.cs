using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using PerfGate.Evaluation;
using PerfGate.Gate;
using PerfGate.IO;
using PerfGate.Workspace;

namespace PerfGate.Benchmarks;

/// <summary>
/// One scenario of the repository's workspace evaluated into its snapshot, per scenario: where the gate's
/// per-scenario cost goes (a decode point, a memory budget, a prefill sweep, the configuration search).
/// </summary>
[MemoryDiagnoser]
public class ScenarioBenchmarks
{
    private static readonly LoadedWorkspace Workspace =
        WorkspaceLoader.Load(PhysicalFileSystem.Instance, RepositoryRoot()).Workspace ?? throw new InvalidOperationException("the repository workspace does not load");

    private PerfGate.Scenarios.ScenarioSpec _scenario = null!;
    private InputFileHash[] _inputs = null!;

    public static IEnumerable<string> Ids => Workspace.Scenarios.Select(s => s.Id);

    [ParamsSource(nameof(Ids))]
    public string Id { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Workspace.Scenarios.Single(s => s.Id == Id);
        _inputs = Workspace.InputsOf(_scenario).Select(i => new InputFileHash(i.RelativePath, i.Sha256)).ToArray();
    }

    [Benchmark]
    public object? Evaluate() => ScenarioEvaluator.Evaluate(new EvaluationRequest { Scenario = _scenario, Catalog = Workspace.Catalog, Inputs = _inputs }).Snapshot;

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
