using PerfGate.Reports;
using PerfGate.Run;
using PerfGate.Tests.IO;
using PerfGate.Workspace;

namespace PerfGate.Tests.Reports;

/// <summary>The text views of an estimate, a prefill and a search: which cells are filled, which lines appear when.</summary>
public sealed class EstimateTextTests
{
    private static EstimateAnswer Answer(EstimateArguments arguments) =>
        EstimateRun.Answer(arguments, new CatalogResolver(new InMemoryFileSystem(), "/cwd"));

    [Fact]
    public void The_operator_table_gives_shapes_for_gemms_only_and_one_row_per_operator()
    {
        var estimate = Answer(new EstimateArguments { Model = "qwq-32b", Hardware = "h100-sxm" }).Decode!;

        var table = DecodeEstimateText.Table(estimate);

        Assert.Equal(["operator", "scope", "x", "m", "n", "k", "time/us", "step/us", "share", "bound", "source"], table.Columns);
        Assert.Equal(estimate.Operators.Count, table.Rows.Count);
        Assert.All(table.Rows, r => Assert.Equal(11, r.Count));
        Assert.Contains(table.Rows, r => r[3] != string.Empty && r[4] != string.Empty && r[5] != string.Empty);
        Assert.Contains(table.Rows, r => r[3] == string.Empty && r[5] == string.Empty);
        Assert.All(table.Rows, r => Assert.EndsWith("%", r[8], StringComparison.Ordinal));
    }

    [Fact]
    public void The_summary_names_the_deployment_a_borrowed_table_and_whether_memory_limits_the_batch()
    {
        var lines = DecodeEstimateText.Lines(Answer(new EstimateArguments { Model = "qwq-32b", Hardware = "h800", Efficiency = "measured", Pipeline = "dual-micro-batch" }).Decode!);

        Assert.Equal(3, lines.Count);
        Assert.StartsWith("qwq-32b on h800: TP 1 EP 1 DP 1, batch 1, context 4096, MTP 0, dual-micro-batch, efficiency measured (tables transferred from h100-sxm, spec ratio), implementation pytorch", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("step ", lines[1], StringComparison.Ordinal);
        Assert.Contains(", max batch ", lines[2], StringComparison.Ordinal);

        var noKv = DecodeEstimateText.Lines(Answer(new EstimateArguments { Model = "qwq-32b", Hardware = "h100-sxm", Context = 0, Efficiency = "roofline" }).Decode!);
        Assert.EndsWith("no KV cache at context 0, so memory does not limit the batch", noKv[2], StringComparison.Ordinal);
        Assert.Contains("efficiency roofline, implementation", noKv[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Prefill_lines_add_the_cached_prefix_and_the_synchronous_latency_only_when_asked()
    {
        var plain = Answer(new EstimateArguments { Model = "qwq-32b", Hardware = "h100-sxm", Prefill = new() { Prompt = 4000 } }).Prefill!;
        var full = Answer(new EstimateArguments { Model = "qwq-32b", Hardware = "h100-sxm", Prefill = new() { Prompt = 4000, Chunk = 2048, PrefixHit = 0.5, PrefixTier = "dram", OutputTokens = 64 } }).Prefill!;

        var lines = PrefillEstimateText.Lines(plain);
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("prefill of 4000 tokens (whole prompts, token budget 8192, ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("TTFT at concurrency 1: mean ", lines[1], StringComparison.Ordinal);

        var more = PrefillEstimateText.Lines(full);
        Assert.Equal(5, more.Count);
        Assert.StartsWith("prefill of 4000 tokens (chunk 2048, ", more[0], StringComparison.Ordinal);
        Assert.StartsWith("prefix hit 0.5 from dram (serial): 2000 tokens, load ", more[2], StringComparison.Ordinal);
        Assert.StartsWith("cached TTFT: mean ", more[3], StringComparison.Ordinal);
        Assert.EndsWith(" for 64 output tokens", more[4], StringComparison.Ordinal);

        var table = PrefillEstimateText.Table(plain);
        Assert.Equal(["prefill operator", "scope", "time/ms", "share", "TFLOP", "bound", "source"], table.Columns);
        Assert.Equal(plain.Operators.Count, table.Rows.Count);
    }

    [Fact]
    public void The_search_table_has_the_csv_columns_rounded_for_reading()
    {
        var result = SearchRun.Answer(new SearchArguments { Hardware = ["h800"], Nics = ["cx7-400g"] }, new CatalogResolver(new InMemoryFileSystem(), "/cwd")).Result!;

        var table = SearchText.Table(result);

        Assert.Equal(PerfGate.Estimation.SearchCsvWriter.Columns, table.Columns);
        Assert.Equal(result.Rows.Count, table.Rows.Count);
        Assert.Matches(@"^\d+\.\d{2}$", table.Rows[0][8]);
        Assert.Matches(@"^\d+\.\d$", table.Rows[0][9]);
        Assert.Equal($"target 20 UX TPS: {result.Rows.Count} configurations ({result.Candidates.Count} before dedup, {result.Evaluations} estimates)", SearchText.Summary(result));
    }
}
