using BenchmarkDotNet.Attributes;
using PerfGate.Catalog;
using PerfGate.Estimation;
using PerfGate.Prefill;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Benchmarks;

/// <summary>
/// One prefill estimate (time to first token), on the built-in catalog: a dense model's whole 2,000-token prompt, and
/// seed 000's DeepSeek-V3 on 8 x H20 (TP8, EP8, fp8) with an 8,000-token prompt chunked at 8,192 tokens, 4 concurrent
/// requests and an 80% prefix hit read layer by layer from NVMe (the repository's deepseek-v3-h20-prefill scenario
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
        _llama = new PrefillRequest
        {
            Deployment = new DecodeRequest
            {
                Model = catalog.Models["llama-3-8b"],
                Hardware = catalog.Hardware["h100-sxm"],
                Efficiency = catalog.Hardware["h100-sxm"].Efficiency,
            },
            Prompt = 2000,
        };
        _deepSeekCached = new PrefillRequest
        {
            Deployment = new DecodeRequest
            {
                Model = catalog.Models["deepseek-v3"],
                Hardware = catalog.Hardware["h20"],
                Parallelism = new Parallelism(8, 8, 1),
                Dtypes = new DtypeSettings(DataType.Fp8, DataType.Bf16),
                Efficiency = catalog.Hardware["h20"].Efficiency,
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
            if (PrefillEstimator.Estimate(request).Estimate is null)
            {
                throw new InvalidOperationException("a benchmark prefill request is invalid");
            }
        }
    }

    [Benchmark]
    public double EstimateLlamaPrompt2000() => PrefillEstimator.Estimate(_llama).Estimate!.Ttft.Seconds;

    [Benchmark]
    public double EstimateDeepSeekChunkedCachedPrompt8000() => PrefillEstimator.Estimate(_deepSeekCached).Estimate!.Ttft.Seconds;
}
