using PerfGate.Gate;

namespace PerfGate.Measurements.Output;

/// <summary>
/// One charted series, what both chart exports (<see cref="BencherMetricFormat"/>, <see cref="GitHubBenchmarkJson"/>)
/// write: the benchmark it belongs to ("vLLM qwen2-72b a100-80g x4 / asynchronous@2.6", or a scenario id), the
/// measure ("itl.p99", "decode.step_time"), its unit and direction, its values (repeats of one measurement; one value
/// for an estimate) and a line of context for github-action-benchmark's <c>extra</c>. Measured runs
/// (<see cref="BenchmarkNames.Series"/>) and the gate's current figures (<c>perfgate check --report bmf</c>) both become
/// series, so there is one writer of each format.
/// </summary>
public sealed record BenchmarkSeries(string Benchmark, string Measure, string Unit, MetricDirection Direction, IReadOnlyList<double> Values, string Extra);
