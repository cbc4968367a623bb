using BenchmarkDotNet.Attributes;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Benchmarks;

/// <summary>
/// One decode estimate (issue 13's targets on 2 cores: a dense one at most 1 us, DeepSeek-V3 with dual micro-batch
/// and MTP at most 2 us) and seed 002's whole search grid (at most 5 ms), on the built-in catalog. An estimate's
/// operator list is computed on first read (the targets read the step time only); the <c>WithOperators</c>
/// benchmarks read it too, as <c>perfgate estimate</c> and <c>check</c> do.
/// </summary>
[MemoryDiagnoser]
public class DecodeBenchmarks
{
    private DecodeRequest _llamaMeasured = null!;
    private DecodeRequest _deepSeekSeed = null!;
    private SearchRequest _search = null!;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = BuiltInCatalog.Load();
        var h100 = catalog.Hardware["h100-sxm"];
        var diagnostics = new List<Diagnostic>();
        var tables = CalibrationLoader.Load(h100.CalibrationTables!, ".", diagnostics)
            ?? throw new InvalidOperationException(string.Join('\n', diagnostics));
        _llamaMeasured = new DecodeRequest
        {
            Model = catalog.Models["llama-3-8b"],
            Hardware = h100,
            Batch = 8,
            Context = 4096,
            Efficiency = EfficiencySource.Measured,
            Calibration = tables,
        };
        _deepSeekSeed = new DecodeRequest
        {
            Model = catalog.Models["deepseek-v3"],
            Hardware = catalog.Hardware["h800"],
            Nic = catalog.Nics["cx7-400g"],
            Parallelism = new Parallelism(1, 144, 144),
            Dtypes = new DtypeSettings(DataType.Fp8, DataType.Fp8, DataType.Bf16, DataType.Fp8),
            Batch = 128,
            Context = 5120,
            Mtp = 1,
            Pipeline = PipelineKind.DualMicroBatch,
            Efficiency = EfficiencySource.Seed,
        };
        _search = new SearchRequest
        {
            Model = catalog.Models["deepseek-v3"],
            Hardware = [catalog.Hardware["h800"], catalog.Hardware["h20"], catalog.Hardware["a100-80g"], catalog.Hardware["l20"]],
            Nics = [catalog.Nics["cx7-400g"], catalog.Nics["e810-100g"]],
            TargetUserTokensPerSecond = 20,
        };
    }

    [Benchmark]
    public double EstimateLlamaMeasured() => DecodeEstimator.Estimate(_llamaMeasured).Estimate!.StepTime.Seconds;

    [Benchmark]
    public int EstimateLlamaMeasuredWithOperators() => DecodeEstimator.Estimate(_llamaMeasured).Estimate!.Operators.Count;

    [Benchmark]
    public double EstimateDeepSeekSeedDualMicroBatch() => DecodeEstimator.Estimate(_deepSeekSeed).Estimate!.StepTime.Seconds;

    [Benchmark]
    public int EstimateDeepSeekSeedDualMicroBatchWithOperators() => DecodeEstimator.Estimate(_deepSeekSeed).Estimate!.Operators.Count;

    [Benchmark]
    public int Seed002Search() => ConfigurationSearch.Run(_search).Rows.Count;
}
