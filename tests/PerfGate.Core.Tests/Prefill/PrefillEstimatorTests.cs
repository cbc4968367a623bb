using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;
using PerfGate.Prefill;
using PerfGate.Scenarios;

namespace PerfGate.Tests.Prefill;

public sealed class PrefillEstimatorTests
{
    private static readonly CatalogSet Catalog = BuiltInCatalog.Load();

    internal static DecodeRequest Deployment(string model, string hardware, int tp = 1, EfficiencySource efficiency = EfficiencySource.Roofline) => new()
    {
        Model = Catalog.Models[model],
        Hardware = Catalog.Hardware[hardware],
        Parallelism = new Parallelism(tp, 1, 1),
        Efficiency = efficiency,
    };

    private static PrefillEstimate Estimate(PrefillRequest request)
    {
        var outcome = PrefillEstimator.Estimate(request);
        Assert.False(outcome.HasErrors, string.Join("\n", outcome.Diagnostics));
        return outcome.Estimate!;
    }

    [Fact]
    public void Gemms_run_at_m_equal_to_the_prompt_and_lm_head_on_the_last_token_only()
    {
        var e = Estimate(new PrefillRequest { Deployment = Deployment("llama-3-8b", "h100-sxm"), Prompt = 1000 });
        var qkv = e.Operators.Single(o => o.Name == "qkv_proj");
        // 32 layers x 2 x M 1000 x N (32 + 2 x 8 heads) x 128 x K 4096 = 32 x 50,331,648,000 = 1,610,612,736,000.
        Assert.Equal(1_610_612_736_000, qkv.Flops);
        var gateUp = e.Operators.Single(o => o.Name == "gate_up_proj");
        // 32 x 2 x 1000 x (2 x 14336) x 4096 = 7,516,192,768,000.
        Assert.Equal(7_516_192_768_000, gateUp.Flops);
        var head = e.Operators.Single(o => o.Name == "lm_head");
        // One row: 2 x 1 x 128256 x 4096 = 1,050,673,152.
        Assert.Equal(1_050_673_152, head.Flops);
    }

    [Fact]
    public void Causal_attention_flops_are_two_heads_headdim_s_squared_and_a_prefix_saves_h_squared()
    {
        var full = Estimate(new PrefillRequest { Deployment = Deployment("llama-3-8b", "h100-sxm"), Prompt = 1000 });
        // Per layer 2 x 32 heads x 128 x 1000^2 = 8,192,000,000; x 32 layers = 262,144,000,000.
        Assert.Equal(262_144_000_000, full.Operators.Single(o => o.Name == "attention").Flops);

        var hbm = Catalog.Storage["hbm"];
        var cached = PrefillEstimator.Estimate(new PrefillRequest { Deployment = Deployment("llama-3-8b", "h100-sxm"), Prompt = 1000, PrefixHit = 0.8, Tier = hbm });
        Assert.False(cached.HasErrors);
        // 800 cached: (1000^2 - 800^2) / 1000^2 = 0.36 of the attention FLOPs; the attention core is compute-bound at
        // the roofline here, so the cached compute's attention is 0.36 of the full one's time.
        Assert.Equal(800, cached.Estimate!.Cached!.CachedTokens);
        Assert.Equal(Math.Round(0.36 * 262_144_000_000), Math.Round(AttentionFlops(cached.Estimate.Request with { PrefixHit = 0 }, 800)));
    }

    private static double AttentionFlops(PrefillRequest r, int prefix)
    {
        var g = new ModelGeometry(r.Deployment);
        // 2 x scores x heads x (d + d), scores = (S^2 - P^2) / 2, x layers.
        return 2 * CausalAttention.Scores(prefix, r.Prompt - prefix) * g.QueryHeads * (2 * g.HeadDim) * g.Layers;
    }

    [Fact]
    public void Mla_prefill_up_projects_the_latents_and_attends_with_head_dims_192_and_128()
    {
        var e = Estimate(new PrefillRequest { Deployment = Deployment("deepseek-v3", "h800", tp: 8) with { Parallelism = new Parallelism(8, 8, 1) }, Prompt = 1000 });
        Assert.DoesNotContain(e.Operators, o => o.Name is "q_absorb" or "v_absorb");
        var kvb = e.Operators.Where(o => o.Name == "kv_b_proj").Sum(o => o.Flops);
        // 61 layers x 2 x 1000 latents x (128 / 8 heads x (128 + 128)) x 512 = 61 x 4,194,304,000.
        Assert.Equal(61 * 4_194_304_000.0, kvb);
        var attention = e.Operators.Where(o => o.Kind == OperatorKind.Attention).Sum(o => o.Flops);
        // 61 x 2 x (1000^2 / 2) x 16 heads x (192 + 128) = 61 x 5,120,000,000.
        Assert.Equal(61 * 5_120_000_000.0, attention);
    }

    [Fact]
    public void A_tier_loads_the_hit_tokens_kv_per_card_over_bandwidth_times_efficiency_plus_latency()
    {
        var dram = Catalog.Storage["dram"];
        var e = Estimate(new PrefillRequest { Deployment = Deployment("qwq-32b", "h100-sxm"), Prompt = 8000, PrefixHit = 0.8, Tier = dram }).Cached!;
        // 6400 tokens x 64 layers x 2 x 8 KV heads x 128 x 2 B = 6400 x 262,144 = 1,677,721,600 B; / (64 GB/s x 0.84).
        Assert.Equal(1_677_721_600, e.LoadBytesPerCard);
        Assert.Equal(1_677_721_600 / (64e9 * 0.84), e.Load.Seconds, 12);

        var ssd = Catalog.Storage["ssd"];
        var shared = Estimate(new PrefillRequest { Deployment = Deployment("qwq-32b", "h100-sxm", tp: 2), Prompt = 8000, PrefixHit = 0.8, Tier = ssd }).Cached!;
        // TP2 halves the KV heads per card (838,860,800 B) but both ranks read the one drive: x 2 / (7 GB/s x 0.5) + 100 us.
        Assert.Equal(838_860_800, shared.LoadBytesPerCard);
        Assert.Equal((838_860_800.0 * 2 / 3.5e9) + 100e-6, shared.Load.Seconds, 12);

        // MLA's latent is the same on all 8 ranks: the drive serves one copy of 6400 x 61 x 576 x 2 B = 449,740,800 B.
        var mla = Estimate(new PrefillRequest { Deployment = Deployment("deepseek-v3", "h800", tp: 8) with { Parallelism = new Parallelism(8, 8, 1) }, Prompt = 8000, PrefixHit = 0.8, Tier = ssd }).Cached!;
        Assert.Equal(449_740_800, mla.LoadBytesPerCard);
        Assert.Equal((449_740_800 / 3.5e9) + 100e-6, mla.Load.Seconds, 12);

        var hbm = Estimate(new PrefillRequest { Deployment = Deployment("qwq-32b", "h100-sxm"), Prompt = 8000, PrefixHit = 0.8, Tier = Catalog.Storage["hbm"] }).Cached!;
        Assert.Equal(0, hbm.Load.Seconds);
        Assert.Equal(hbm.Compute, hbm.Single);
    }

    [Fact]
    public void Serial_adds_load_and_compute_layer_wise_takes_the_larger_plus_one_layers_load()
    {
        var ssd = Catalog.Storage["ssd"];
        var request = new PrefillRequest { Deployment = Deployment("qwq-32b", "h100-sxm", efficiency: EfficiencySource.Measured) with { Calibration = null }, Prompt = 16000, PrefixHit = 0.8, Tier = ssd };
        request = request with { Deployment = request.Deployment with { Efficiency = EfficiencySource.Roofline } };
        var serial = Estimate(request).Cached!;
        Assert.Equal(serial.Load.Seconds + serial.Compute.Seconds, serial.Single.Seconds, 12);
        var layered = Estimate(request with { Overlap = KvLoadOverlap.LayerWise }).Cached!;
        Assert.Equal(Math.Max(layered.Load.Seconds, layered.Compute.Seconds) + (layered.Load.Seconds / 64), layered.Single.Seconds, 12);
        Assert.True(layered.Single < serial.Single);
    }

    [Fact]
    public void At_the_break_even_bandwidth_loading_costs_what_recomputing_does()
    {
        var dram = Catalog.Storage["dram"];
        var request = new PrefillRequest { Deployment = Deployment("qwq-32b", "h100-sxm"), Prompt = 8000, PrefixHit = 0.8, Tier = dram };
        var e = Estimate(request);
        var breakEven = e.Cached!.BreakEvenBandwidth;
        var atBreakEven = dram with { Bandwidth = breakEven, Efficiency = 1 };
        var again = Estimate(request with { Tier = atBreakEven });
        Assert.Equal(e.Single.Seconds, again.Cached!.Single.Seconds, 9);
    }

    [Fact]
    public void Queued_whole_prompts_give_a_mean_of_c_plus_1_over_2_and_a_worst_of_c_prefills()
    {
        var r = new PrefillRequest { Deployment = Deployment("qwq-32b", "h100-sxm"), Prompt = 4000, Concurrency = 4, TokenBudget = 4000 };
        var e = Estimate(r);
        Assert.Equal(e.Single.Seconds * 2.5, e.Ttft.Seconds, 9);
        Assert.Equal(e.Single.Seconds * 4, e.MaxTtft.Seconds, 9);

        // A budget that holds all four batches them into one step: everyone waits for the whole batch.
        var batched = Estimate(r with { TokenBudget = 16000 });
        Assert.Equal(batched.Ttft, batched.MaxTtft);
        Assert.True(batched.MaxTtft <= e.MaxTtft);
    }

    [Fact]
    public void Chunked_prefill_takes_one_step_per_chunk_and_attends_over_the_growing_prefix()
    {
        var r = new PrefillRequest { Deployment = Deployment("llama-3-8b", "h100-sxm"), Prompt = 4000, Chunk = 1000 };
        var e = Estimate(r);
        Assert.Equal(4, e.Steps);
        // Chunks add up to the same causal attention: sum over k of ((1000 k)^2 - (1000 (k - 1))^2) = 4000^2.
        Assert.Equal(2.0 * 32 * 128 * 4000 * 4000 * 32, e.Operators.Single(o => o.Name == "attention").Flops);
        var whole = Estimate(r with { Chunk = null });
        Assert.True(e.Single > whole.Single, "four smaller steps cost more than one");
    }

    // Every efficiency source: TTFT never falls as the prompt or the concurrency grows. Under the published (seed)
    // source a chunk that finishes no prompt used to time lm_head over zero rows on the A100 curve, undefined at
    // m = 0, so 16K prompts were NaN (now: no kernel runs for zero rows).
    [Theory]
    [InlineData(EfficiencySource.Seed)]
    [InlineData(EfficiencySource.Measured)]
    [InlineData(EfficiencySource.Achieved)]
    [InlineData(EfficiencySource.A100Curve)]
    [InlineData(EfficiencySource.Roofline)]
    public void Ttft_grows_with_the_prompt_and_with_concurrency_and_the_speedup_with_the_prompt_while_loading_bounds_it(EfficiencySource efficiency)
    {
        var ssd = Catalog.Storage["ssd"];
        var deployment = Deployment("qwq-32b", "h20", tp: 2, efficiency: efficiency);
        if (efficiency == EfficiencySource.Measured)
        {
            // h20 borrows h100-sxm's tables by spec ratio.
            var from = Catalog.Hardware["h100-sxm"];
            deployment = deployment with { Calibration = CalibrationLoader.Load(from.CalibrationTables!, ".", new List<Diagnostic>()), CalibrationFrom = from };
        }

        double previous = 0, previousSpeedup = 0;
        foreach (var prompt in new[] { 2000, 4000, 8000, 16000 })
        {
            var r = new PrefillRequest { Deployment = deployment, Prompt = prompt, Chunk = 8192, PrefixHit = 0.8, Tier = ssd, Overlap = KvLoadOverlap.LayerWise };
            var e = Estimate(r);
            Assert.True(e.Ttft.Seconds > previous);
            if (e.Cached!.Load >= e.Cached.Compute)
            {
                // Seed 000's regime: the cached TTFT is the load (linear in S) while the full compute grows with S^2.
                Assert.True(e.Speedup > previousSpeedup, $"speedup at {prompt}: {e.Speedup}");
            }
            else
            {
                // Compute-bound cached path (a fast tier on a compute-poor card, e.g. h20 on its transferred tables):
                // (1 - h) S new tokens against S, so full / cached tends from 1 / (1 - h) = 5 towards
                // S^2 / (S^2 - (h S)^2) = 2.78 as attention grows; the speedup may fall with S, but never leaves (1, 5].
                Assert.InRange(e.Speedup!.Value, 1, 1 / (1 - 0.8));
            }

            previous = e.Ttft.Seconds;
            previousSpeedup = e.Speedup!.Value;
            var last = e.Ttft.Seconds;
            foreach (var c in new[] { 2, 4, 8 })
            {
                var q = Estimate(r with { Concurrency = c });
                Assert.True(q.Ttft.Seconds > last);
                Assert.True(q.MaxTtft >= q.Ttft);
                last = q.Ttft.Seconds;
            }
        }
    }
}
