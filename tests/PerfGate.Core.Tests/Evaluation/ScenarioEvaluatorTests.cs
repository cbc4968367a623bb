using System.Runtime.CompilerServices;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Evaluation;
using PerfGate.Gate;
using PerfGate.IO;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Tests.Evaluation;

public sealed class ScenarioEvaluatorTests
{
    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    private static LoadedWorkspace Repository()
    {
        var loaded = WorkspaceLoader.Load(PhysicalFileSystem.Instance, RepositoryRoot());
        Assert.True(loaded.Workspace is not null, string.Join("\n", loaded.Diagnostics.Select(d => d.ToCanonicalString())));
        return loaded.Workspace;
    }

    private static string Evaluate(LoadedWorkspace ws, ScenarioSpec s)
    {
        var result = ScenarioEvaluator.Evaluate(new EvaluationRequest
        {
            Scenario = s,
            Catalog = ws.Catalog,
            Inputs = ws.InputsOf(s).Select(i => new InputFileHash(i.RelativePath, i.Sha256)).ToArray(),
            ToolVersion = "test",
        });
        Assert.True(result.Snapshot is not null, string.Join("\n", result.Diagnostics.Select(d => d.ToCanonicalString())));
        return SnapshotWriter.Write(result.Snapshot);
    }

    [Fact]
    public void Two_evaluations_of_every_repository_scenario_are_byte_identical()
    {
        var first = Repository();
        var second = Repository();
        Assert.Equal(17, first.Scenarios.Count);
        foreach (var s in first.Scenarios)
        {
            var a = Evaluate(first, s);
            var b = Evaluate(second, second.Scenarios.Single(x => x.Id == s.Id));
            Assert.Equal(a, b);
            Assert.True(SnapshotReader.Read(a, s.Id + ".verified.txt").IsValid);
        }
    }

    [Fact]
    public void Every_applicable_estimate_contributes_its_figures()
    {
        var ws = Repository();
        var qwq = Evaluate(ws, ws.Scenarios.Single(s => s.Id == "qwq-32b-910b3-mindie-npumem8"));

        // memory: 4 x 910B3, npuMemSize 8 is read as 8 GiB of KV cache per card.
        Assert.Contains("memory.stack.kv_cache = 8 GiB\n", qwq, StringComparison.Ordinal);
        // 910B3 npu-smi: 65536 MiB = 64 GiB.
        Assert.Contains("memory.capacity = 64 GiB\n", qwq, StringComparison.Ordinal);
        // KV per token per card: 64 layers x (8 KV heads / TP 4) x 128 x 2 (K, V) x 2 bytes = 65536 B = 64 KiB.
        Assert.Contains("decode.memory.kv_per_token = 64 KiB (lower is better)\n", qwq, StringComparison.Ordinal);
        Assert.Contains("[table decode.breakdown]\n", qwq, StringComparison.Ordinal);
        Assert.Contains("memory.settings.max_prefill_tokens", qwq, StringComparison.Ordinal);
        Assert.Contains("settings]\ncards = \"4\"\n", qwq, StringComparison.Ordinal);

        var search = Evaluate(ws, ws.Scenarios.Single(s => s.Id == "deepseek-v3-ep-search"));
        Assert.Contains("[table search.tps20]\n", search, StringComparison.Ordinal);
        Assert.Contains("[table search.tps15]\n", search, StringComparison.Ordinal);
        Assert.Contains("\nh800/cx7-400g/ep144/ne1 = ", search, StringComparison.Ordinal);
        // DeepSeek-V3: 671B parameters, about 37B activated per token.
        Assert.Contains("model.parameters = 671.026 billion\n", search, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_model_is_an_input_error_at_the_model_key()
    {
        var s = new ScenarioSpec
        {
            Id = "x",
            Model = "gpt-9",
            Hardware = "h100-sxm",
            Location = new SourceLocation("x.yaml", 1, 1),
            KeyLocations = new Dictionary<string, SourceLocation> { ["model"] = new("x.yaml", 3, 8) },
        };
        var result = ScenarioEvaluator.Evaluate(new EvaluationRequest { Scenario = s, Catalog = BuiltInCatalog.Load() });
        Assert.Null(result.Snapshot);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnknownReference, error.Id);
        Assert.Equal(new SourceLocation("x.yaml", 3, 8), error.Location);
    }

    [Fact]
    public void A_tp_that_does_not_divide_the_heads_is_an_error_at_parallelism_tp_even_without_a_decode_section()
    {
        // llama-3-8b: 32 attention heads; 32 / 3 is not whole. No decode: or memory: section, so only the
        // deployment figures would run, and they never looked at the parallelism before.
        var s = new ScenarioSpec
        {
            Id = "x",
            Model = "llama-3-8b",
            Hardware = "h100-sxm",
            Parallelism = new Parallelism(Tp: 3),
            Location = new SourceLocation("x.yaml", 1, 1),
            KeyLocations = new Dictionary<string, SourceLocation> { ["parallelism"] = new("x.yaml", 5, 1), ["parallelism.tp"] = new("x.yaml", 6, 7) },
        };
        var result = ScenarioEvaluator.Evaluate(new EvaluationRequest { Scenario = s, Catalog = BuiltInCatalog.Load() });
        Assert.Null(result.Snapshot);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidParallelism, error.Id);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(new SourceLocation("x.yaml", 6, 7), error.Location);
        Assert.Equal("scenario 'x': parallelism.tp: TP 3 does not divide the 32 attention heads of llama-3-8b; use a TP of 1, 2, 4, 8, 16, 32", error.Message);
    }

    [Fact]
    public void A_tp_that_is_a_multiple_of_the_kv_heads_is_valid()
    {
        // llama-3-8b: 32 heads / TP 16 = 2 per card; 8 KV heads: TP 16 = 2 x 8, so each KV head is replicated twice.
        var s = new ScenarioSpec { Id = "x", Model = "llama-3-8b", Hardware = "h100-sxm", Parallelism = new Parallelism(Tp: 16), Location = new SourceLocation("x.yaml", 1, 1) };
        var result = ScenarioEvaluator.Evaluate(new EvaluationRequest { Scenario = s, Catalog = BuiltInCatalog.Load() });
        Assert.True(result.Snapshot is not null, string.Join("\n", result.Diagnostics.Select(d => d.ToCanonicalString())));
    }

    [Fact]
    public void A_non_finite_figure_is_an_error_at_the_scenario_file_not_an_exception()
    {
        // cards: 0 (only possible for a scenario built in code; the reader refuses it) makes the weights per card
        // 16.06 GB / 0 = infinity. SnapshotValue refuses a non-finite number; the evaluator must report it.
        var s = new ScenarioSpec { Id = "x", Model = "llama-3-8b", Hardware = "h100-sxm", Cards = 0, Location = new SourceLocation("x.yaml", 1, 1) };
        var result = ScenarioEvaluator.Evaluate(new EvaluationRequest { Scenario = s, Catalog = BuiltInCatalog.Load() });
        Assert.Null(result.Snapshot);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidValue, error.Id);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(new SourceLocation("x.yaml", 1, 1), error.Location);
        Assert.Equal(
            "scenario 'x': the figure 'deployment.weights_per_card_even' is infinite, so no snapshot can be written; an input divides by zero or overflows. " +
            "Check the scenario's settings (cards, parallelism, batch, context) and the catalog figures it uses (model llama-3-8b, hardware h100-sxm) for a zero or an out-of-range value",
            error.Message);
    }

    [Fact]
    public void SnapshotValue_still_refuses_a_non_finite_number_as_a_bug_check()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotValue.Of(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => SnapshotValue.Of(double.PositiveInfinity));
    }
}
