using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using PerfGate.Evaluation;
using PerfGate.Gate;
using PerfGate.IO;
using PerfGate.Workspace;

namespace PerfGate.Benchmarks;

/// <summary>
/// The gate's steady-state work on the repository's own workspace (15 scenarios): loading perfgate.yaml and
/// the scenarios, evaluating every scenario into a snapshot, writing it, reading the 15 baselines back
/// strictly, and comparing. Cold start (process start and JIT) is on top of this and is measured with
/// `time perfgate check` (see src/PerfGate.Core/Gate/README.md).
/// </summary>
[MemoryDiagnoser]
public class GateBenchmarks
{
    private string _root = null!;
    private LoadedWorkspace _workspace = null!;
    private List<CurrentScenario> _current = null!;
    private string[] _baselineTexts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = RepositoryRoot();
        _workspace = Load();
        _current = Evaluate(_workspace);
        var store = new BaselineStore(PhysicalFileSystem.Instance, _workspace.BaselinesDirectory);
        _baselineTexts = store.ListVerified().Select(n => store.ReadVerified(n)!).ToArray();
    }

    [Benchmark]
    public LoadedWorkspace LoadWorkspace() => Load();

    [Benchmark]
    public List<CurrentScenario> EvaluateAll() => Evaluate(_workspace);

    [Benchmark]
    public int WriteAll() => _current.Sum(c => SnapshotWriter.Write(c.Snapshot).Length);

    [Benchmark]
    public int ReadBaselines() => _baselineTexts.Count(t => SnapshotReader.Read(t, "b.verified.txt").IsValid);

    [Benchmark]
    public GateResult Compare()
    {
        var baselines = _baselineTexts.Select(t => SnapshotReader.Read(t, "b.verified.txt").Document!).ToArray();
        return SnapshotComparer.Compare(_current, baselines, [], id => id);
    }

    private LoadedWorkspace Load() =>
        WorkspaceLoader.Load(PhysicalFileSystem.Instance, _root).Workspace ?? throw new InvalidOperationException("the repository workspace does not load");

    private static List<CurrentScenario> Evaluate(LoadedWorkspace ws) => ws.Scenarios
        .Select(s => new CurrentScenario(
            ScenarioEvaluator.Evaluate(new EvaluationRequest
            {
                Scenario = s,
                Catalog = ws.Catalog,
                Inputs = ws.InputsOf(s).Select(i => new InputFileHash(i.RelativePath, i.Sha256)).ToArray(),
            }).Snapshot!,
            s.Location))
        .ToList();

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
