using BenchmarkDotNet.Attributes;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;
using PerfGate.Prefill;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Benchmarks;

/// <summary>
/// One prefill estimate (time to first token), on the built-in catalog: Llama-3-8B's whole 2,000-token prompt on H100 (measured kernel tables), and
/// seed 000's DeepSeek-V3 on 8 x H20 (TP8, EP8, fp8) with an 8,000-token prompt chunked at 8,192 tokens, 4 concurrent
/// requests and an 80% prefix hit read layer by layer from NVMe, seed efficiency factors (the repository's deepseek-v3-h20-prefill scenario
/// estimates 20 of these: 5 prompts x 4 concurrencies).
/// </summary>
[MemoryDiagnoser]
public class PrefillBenchmarks
{
    private PrefillRequest _llama = null!;
    private PrefillRequest _deepSeekCached = null!;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = BuiltInCatalog.Load();
        var h100 = catalog.Hardware["h100-sxm"];
        var diagnostics = new List<Diagnostic>();
        CalibrationTables Tables(HardwareSpec hardware) => CalibrationLoader.Load(hardware.CalibrationTables!, ".", diagnostics)
            ?? throw new InvalidOperationException(string.Join('\n', diagnostics));
        var h20 = catalog.Hardware["h20"];
        _llama = new PrefillRequest
        {
            Deployment = new DecodeRequest
            {
                Model = catalog.Models["llama-3-8b"],
                Hardware = h100,
                Efficiency = EfficiencySource.Measured,
                Calibration = Tables(h100),
            },
            Prompt = 2000,
        };
        _deepSeekCached = new PrefillRequest
        {
            Deployment = new DecodeRequest
            {
                Model = catalog.Models["deepseek-v3"],
                Hardware = h20,
                Parallelism = new Parallelism(8, 8, 1),
                Dtypes = new DtypeSettings(DataType.Fp8, DataType.Bf16),
                Efficiency = EfficiencySource.Seed,
            },
            Prompt = 8000,
            Chunk = 8192,
            Concurrency = 4,
            PrefixHit = 0.8,
            Tier = catalog.Storage["ssd"],
            Overlap = KvLoadOverlap.LayerWise,
        };
        foreach (var request in new[] { _llama, _deepSeekCached })
        {
            var outcome = PrefillEstimator.Estimate(request);
            if (outcome.Estimate is null)
            {
                throw new InvalidOperationException("a benchmark prefill request is invalid: " + string.Join("; ", outcome.Diagnostics));
            }
        }
    }

    [Benchmark]
    public double EstimateLlamaPrompt2000() => PrefillEstimator.Estimate(_llama).Estimate!.Ttft.Seconds;

    [Benchmark]
    public double EstimateDeepSeekChunkedCachedPrompt8000() => PrefillEstimator.Estimate(_deepSeekCached).Estimate!.Ttft.Seconds;
}
