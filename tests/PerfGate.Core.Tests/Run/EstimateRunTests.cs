using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Prefill;
using PerfGate.Quantities;
using PerfGate.Run;
using PerfGate.Scenarios;
using PerfGate.Tests.IO;
using PerfGate.Workspace;

namespace PerfGate.Tests.Run;

/// <summary>An estimate from a front end's arguments: resolution, defaults, the stage that stops a bad run, the prefill.</summary>
public sealed class EstimateRunTests
{
    private static EstimateAnswer Answer(EstimateArguments arguments) =>
        EstimateRun.Answer(arguments, new CatalogResolver(new InMemoryFileSystem(), "/cwd"));

    private static EstimateArguments Qwq => new() { Model = "qwq-32b", Hardware = "h100-sxm" };

    [Fact]
    public void The_defaults_are_one_card_bf16_naive_as_built_pytorch_and_the_cards_own_efficiency()
    {
        var answer = Answer(Qwq);

        var r = answer.Decode!.Request;
        Assert.Null(answer.Prefill);
        Assert.Equal((1, 1, 1, 1, 4096, 0, 0.85), (r.Parallelism.Tp, r.Parallelism.Ep, r.Parallelism.Dp, r.Batch, r.Context, r.Mtp, r.MtpAcceptance));
        Assert.Equal(new DtypeSettings(DataType.Bf16, DataType.Bf16, DataType.Bf16, null), r.Dtypes);
        Assert.Equal((PipelineKind.Naive, LayerTreatment.AsBuilt, "pytorch"), (r.Pipeline, r.Layers, r.Implementation.Id));
        Assert.Equal(BuiltInCatalog.Load().Hardware["h100-sxm"].Efficiency, r.Efficiency);
    }

    [Fact]
    public void The_values_given_are_the_request()
    {
        var answer = Answer(Qwq with { Tp = 2, Batch = 8, Context = 2048, WeightDtype = "fp8", NonExpertDtype = "bf16", KvDtype = "fp8", Pipeline = "dual-mbatch", Efficiency = "roofline", Implementation = "vllm" });

        var r = answer.Decode!.Request;
        Assert.Equal((2, 8, 2048), (r.Parallelism.Tp, r.Batch, r.Context));
        Assert.Equal(new DtypeSettings(DataType.Fp8, DataType.Fp8, DataType.Bf16, DataType.Bf16), r.Dtypes);
        Assert.Equal((PipelineKind.DualMicroBatch, EfficiencySource.Roofline, "vllm"), (r.Pipeline, r.Efficiency, r.Implementation.Id));
    }

    [Fact]
    public void Measured_efficiency_loads_the_cards_tables()
    {
        var r = Answer(Qwq with { Efficiency = "measured" }).Decode!.Request;

        Assert.NotNull(r.Calibration);
        Assert.Null(r.CalibrationFrom);
        Assert.Equal("h100-sxm", Answer(Qwq with { Hardware = "h800", Efficiency = "measured" }).Decode!.Request.CalibrationFrom!.Id);
    }

    [Fact]
    public void Unknown_catalog_entries_and_bad_values_are_reported_together_and_stop_the_run()
    {
        var answer = Answer(new EstimateArguments { Model = "qwq-33b", Hardware = "h100-sxm", Nic = "cx9", KvDtype = "fp6", Pipeline = "dual", Efficiency = "x", Layers = "y", Implementation = "z" });

        Assert.Null(answer.Decode);
        Assert.Equal(
            ["--model", "--nic", "--kv-dtype", "--pipeline", "--efficiency", "--layers", "--implementation"],
            answer.Diagnostics.Select(d => d.Message.Split(':')[0]));
        Assert.All(answer.Diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
    }

    [Fact]
    public void Measured_efficiency_without_tables_stops_the_run()
    {
        var answer = Answer(Qwq with { Hardware = "l20", Efficiency = "measured" });

        Assert.Null(answer.Decode);
        Assert.Equal(DiagnosticIds.EfficiencyDataMissing, Assert.Single(answer.Diagnostics).Id);
    }

    [Fact]
    public void A_plan_the_estimator_refuses_has_no_estimate()
    {
        var answer = Answer(Qwq with { Ep = 3 });

        Assert.Null(answer.Decode);
        Assert.Contains(answer.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_prompt_adds_the_prefill_of_the_same_deployment()
    {
        var answer = Answer(Qwq with { Tp = 2, Prefill = new PrefillArguments { Prompt = 8000, Concurrency = 2, PrefixHit = 0.8, PrefixTier = "dram", Overlap = "layer-wise", OutputTokens = 16 } });

        var p = answer.Prefill!;
        Assert.NotNull(answer.Decode);
        Assert.Equal((8000, 2, 0.8, "dram", KvLoadOverlap.LayerWise, 16), (p.Request.Prompt, p.Request.Concurrency, p.Request.PrefixHit, p.Request.Tier!.Id, p.Request.Overlap, p.Request.OutputTokens));
        Assert.Equal(2, p.Request.Deployment.Parallelism.Tp);
        Assert.Equal(KvLoadOverlap.Serial, Answer(Qwq with { Prefill = new PrefillArguments { Prompt = 100 } }).Prefill!.Request.Overlap);
    }

    [Fact]
    public void Prefill_values_without_a_prompt_are_an_error_naming_them()
    {
        var answer = Answer(Qwq with { Prefill = new PrefillArguments { Given = ["--chunk", "--overlap"] } });

        Assert.Null(answer.Decode);
        var d = Assert.Single(answer.Diagnostics);
        Assert.Equal((DiagnosticIds.InvalidPrefillSetting, "--chunk, --overlap describe a prefill; give the prompt length with --prompt"), (d.Id, d.Message));
    }

    [Theory]
    [InlineData("nvme", null, DiagnosticIds.UnknownReference, "--prefix-tier: unknown storage 'nvme'")]
    [InlineData(null, "overlapped", DiagnosticIds.InvalidSetting, "--overlap: 'overlapped' is not valid; use one of serial, layer-wise")]
    public void A_bad_tier_or_overlap_stops_the_run(string? tier, string? overlap, string id, string message)
    {
        var answer = Answer(Qwq with { Prefill = new PrefillArguments { Prompt = 100, PrefixTier = tier, Overlap = overlap } });

        Assert.Null(answer.Decode);
        var d = Assert.Single(answer.Diagnostics);
        Assert.Equal(id, d.Id);
        Assert.StartsWith(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_prefill_estimators_errors_name_the_options()
    {
        var answer = Answer(Qwq with { Prefill = new PrefillArguments { Prompt = 100, Concurrency = 0 } });

        Assert.Null(answer.Decode);
        var d = Assert.Single(answer.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidPrefillSetting, d.Id);
        Assert.StartsWith("'--concurrency': 0;", d.Message, StringComparison.Ordinal);
    }
}
