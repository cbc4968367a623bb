using PerfGate.Diagnostics;
using PerfGate.Run;
using PerfGate.Tests.IO;
using PerfGate.Workspace;

namespace PerfGate.Tests.Run;

/// <summary>The configuration search from a front end's arguments: the post's defaults, the lists as typed, every refusal.</summary>
public sealed class SearchRunTests
{
    private static SearchAnswer Answer(SearchArguments arguments) =>
        SearchRun.Answer(arguments, new CatalogResolver(new InMemoryFileSystem(), "/cwd"));

    /// <summary>One card and one NIC keep the grid small.</summary>
    private static SearchArguments H800 => new() { Hardware = ["h800"], Nics = ["cx7-400g"] };

    [Fact]
    public void The_defaults_are_the_posts_model_target_factors_and_layer_rule()
    {
        var d = SearchArguments.Defaults;

        Assert.Equal(("deepseek-v3", 20.0, null, null), (d.Model, d.Target, d.Efficiency, d.Layers));
        Assert.Empty(d.Hardware);
        var answer = Answer(H800);
        Assert.NotNull(answer.Result);
        Assert.Same(answer.Result.Diagnostics, answer.Diagnostics);
        Assert.Equal(20.0, answer.Result.TargetUserTokensPerSecond);
        Assert.NotEmpty(answer.Result.Rows);
        Assert.All(answer.Result.Rows, r => Assert.Equal(("NVIDIA H800 SXM5 80GB", "NVIDIA ConnectX-7 400Gb/s"), (r.Gpu, r.Nic)));
    }

    [Fact]
    public void Items_are_split_at_commas()
    {
        var answer = Answer(H800 with { Hardware = ["h800, h20"], Target = 15 });

        Assert.Equal(["NVIDIA H20 96GB", "NVIDIA H800 SXM5 80GB"], answer.Result!.Rows.Select(r => r.Gpu).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_list_that_names_nothing_is_an_error_giving_the_defaults()
    {
        var answer = Answer(H800 with { Nics = [", "] });

        Assert.Null(answer.Result);
        var d = Assert.Single(answer.Diagnostics);
        Assert.Equal("--nic names nothing; give at least a NIC id or YAML path, e.g. --nic cx7-400g, or leave the option out for the DeepSeek EP post's defaults (cx7-400g, e810-100g)", d.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    [InlineData(100_001)]
    public void A_target_outside_the_range_is_an_error(double target)
    {
        var d = Assert.Single(Answer(H800 with { Target = target }).Diagnostics);

        Assert.Equal(DiagnosticIds.InvalidSetting, d.Id);
        Assert.StartsWith("--target: ", d.Message, StringComparison.Ordinal);
        Assert.EndsWith("must be a positive number of tokens per second per user, at most 100000 (the DeepSeek EP post: 20 or 15)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dense_model_is_refused()
    {
        var answer = Answer(H800 with { Model = "qwq-32b" });

        Assert.Null(answer.Result);
        Assert.Equal(DiagnosticIds.InvalidParallelism, Assert.Single(answer.Diagnostics).Id);
    }

    [Fact]
    public void Unknown_entries_and_bad_values_are_reported_together()
    {
        var answer = Answer(new SearchArguments { Hardware = ["h801"], Nics = ["cx8"], Efficiency = "x", Layers = "y" });

        Assert.Null(answer.Result);
        Assert.Equal(["--hardware", "--nic", "--efficiency", "--layers"], answer.Diagnostics.Select(d => d.Message.Split(':')[0]));
    }

    [Fact]
    public void Measured_efficiency_needs_every_cards_tables()
    {
        Assert.NotNull(Answer(H800 with { Efficiency = "measured", Layers = "as-built" }).Result);

        var answer = Answer(H800 with { Hardware = ["h800", "l20"], Efficiency = "measured" });
        Assert.Null(answer.Result);
        Assert.Equal(DiagnosticIds.EfficiencyDataMissing, Assert.Single(answer.Diagnostics).Id);
    }
}
