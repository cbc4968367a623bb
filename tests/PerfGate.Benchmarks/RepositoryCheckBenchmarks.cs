using BenchmarkDotNet.Attributes;

namespace PerfGate.Benchmarks;

/// <summary>A whole <c>perfgate check</c> in process on the repository's own workspace: 15 scenarios, one of them a configuration search (about 10 ms alone).</summary>
[MemoryDiagnoser]
public class RepositoryCheckBenchmarks
{
    private readonly string _repository = CheckBenchmarks.RepositoryRoot();

    [Benchmark]
    public int CheckRepository() => CheckBenchmarks.Expect0(CheckBenchmarks.Run(_repository, "check"));
}
