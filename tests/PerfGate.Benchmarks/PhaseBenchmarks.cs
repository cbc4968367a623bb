using BenchmarkDotNet.Attributes;
using PerfGate.Estimation.Calibration;
using PerfGate.Gate;
using PerfGate.IO;
using PerfGate.Run;
using PerfGate.Workspace;

namespace PerfGate.Benchmarks;

/// <summary>
/// Where <c>check</c>'s per-scenario cost goes, on one core, over a generated workspace (<see cref="GeneratedWorkspace"/>)
/// approved in the set-up: load (read, hash, YAML to records), evaluate (estimates to snapshots), write (snapshot
/// text), and the whole check (the three, then the baselines read and compared, the received files listed). Divide by
/// <see cref="Scenarios"/> for the per-scenario figure (target: 0.2 ms).
/// </summary>
[MemoryDiagnoser]
public class PhaseBenchmarks
{
    private static readonly IReadOnlyDictionary<string, CalibrationTables> NoFolderCalibration = new Dictionary<string, CalibrationTables>(StringComparer.Ordinal);

    private GeneratedWorkspace _generated = null!;
    private LoadedWorkspace _workspace = null!;
    private CurrentScenario[] _current = null!;

    [Params(300)]
    public int Scenarios { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _generated = GeneratedWorkspace.Create(CheckBenchmarks.RepositoryRoot(), Scenarios);
        if (CheckBenchmarks.Run(_generated.Root, "approve", "--all") != 0)
        {
            throw new InvalidOperationException("approving the generated workspace failed");
        }

        _workspace = Load();
        _current = EvaluateAll();
    }

    [GlobalCleanup]
    public void Cleanup() => _generated.Dispose();

    [Benchmark]
    public LoadedWorkspace LoadWorkspace() => Load();

    [Benchmark]
    public CurrentScenario[] Evaluate() => EvaluateAll();

    [Benchmark]
    public int Write() => _current.Sum(c => SnapshotWriter.Write(c.Snapshot).Length);

    [Benchmark]
    public int Check() => WorkspaceRun.Check(new WorkspaceRunRequest(_generated.Root) { Parallelism = 1 }, PhysicalFileSystem.Instance).Result!.Scenarios.Count;

    private LoadedWorkspace Load() =>
        WorkspaceLoader.Load(PhysicalFileSystem.Instance, _generated.Root).Workspace ?? throw new InvalidOperationException("the generated workspace does not load");

    // As a check evaluates them: the measured reports the scenarios share are parsed once per run.
    private CurrentScenario[] EvaluateAll()
    {
        var reports = new PerfGate.Measurements.ScenarioMeasuredRuns.ReportCache();
        return _workspace.Scenarios.Select(s => WorkspaceRun.EvaluateScenario(_workspace, s, NoFolderCalibration, reports).Scenario!).ToArray();
    }
}
