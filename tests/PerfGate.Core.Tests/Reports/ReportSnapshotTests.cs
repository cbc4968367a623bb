using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Reports;
using PerfGate.Tests.Gate;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Reports;

/// <summary>
/// Every report format, snapshot-tested through the product's own baseline store, rendered under the
/// invariant culture and under de-DE (decimal comma). File and CI formats must not change with the
/// culture; the console report shows numbers in the culture it is given.
/// </summary>
public sealed class ReportSnapshotTests
{
    private static readonly Func<string, string> Relative = p => p;
    private static readonly ReportContext Context = new(Relative);

    public static TheoryData<string> Cultures => new() { "", "de-DE" };

    private static string Under(string culture, Func<string> render) =>
        CultureScope.Run(culture.Length == 0 ? "" : culture, render);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Markdown(string culture) =>
        SnapshotAssert.Matches(Under(culture, () => new MarkdownReport().Render(SampleResults.Mixed(), Context)), "Report.mixed", "md");

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Markdown_links_the_accuracy_pictures(string culture) =>
        SnapshotAssert.Matches(
            Under(culture, () => new MarkdownReport().Render(SampleResults.AllEqual(), Context with { Accuracy = [new("qwen2-72b-a100-tp4", 25.1426, "perfgate.md.qwen2-72b-a100-tp4.svg"), new("qwq 32b", null, "perfgate md.qwq 32b.svg")] })),
            "Report.accuracy",
            "md");

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Markdown_when_everything_is_equal(string culture) =>
        SnapshotAssert.Matches(Under(culture, () => new MarkdownReport().Render(SampleResults.AllEqual(), Context)), "Report.equal", "md");

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Json(string culture) =>
        SnapshotAssert.Matches(Under(culture, () => new JsonReport().Render(SampleResults.Mixed(), Context)), "Report.mixed", "json");

    [Theory]
    [MemberData(nameof(Cultures))]
    public void JUnit(string culture) =>
        SnapshotAssert.Matches(Under(culture, () => new JUnitReport().Render(SampleResults.Mixed(), Context)), "Report.mixed.junit", "xml");

    [Fact]
    public void JUnit_time_is_each_scenarios_evaluation_time_and_the_suites_their_sum()
    {
        var times = new Dictionary<string, PerfGate.Evaluation.ScenarioDetails>(StringComparer.Ordinal)
        {
            ["qwq-32b-910b3"] = new() { EvaluationTime = TimeSpan.FromMilliseconds(1234.4) },
            ["llama-3-8b-h100"] = new() { EvaluationTime = TimeSpan.FromMilliseconds(16) },
        };
        var xml = CultureScope.Run("de-DE", () => new JUnitReport().Render(SampleResults.Mixed(), Context with { Details = times }));

        // 1.2344 s -> "1.234" (invariant, 3 decimals); the sum 1.2504 s -> "1.250"; a scenario without a time (removed) is 0.000.
        Assert.Contains("name=\"qwq-32b-910b3\" file=\"baselines/qwq-32b-910b3.verified.txt\" time=\"1.234\"", xml, StringComparison.Ordinal);
        Assert.Contains("name=\"llama-3-8b-h100\" file=\"baselines/llama-3-8b-h100.verified.txt\" time=\"0.016\"", xml, StringComparison.Ordinal);
        Assert.Contains("name=\"gone\" file=\"baselines/gone.verified.txt\" time=\"0.000\"", xml, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(xml, "errors=\"0\"( skipped=\"0\")? time=\"1.250\""));
    }

    [Fact]
    public void Markdown_footer_names_the_configured_baselines_folder()
    {
        var md = new MarkdownReport().Render(SampleResults.Mixed(), Context with { BaselinesFolder = "perf/approved" });
        Assert.Contains("then commit the changed `perf/approved/*.verified.txt`.", md, StringComparison.Ordinal);
        Assert.DoesNotContain("baselines/*.verified.txt", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_holds_every_current_figure_of_every_scenario_in_a_stable_order()
    {
        using var json = System.Text.Json.JsonDocument.Parse(new JsonReport().Render(SampleResults.Mixed(), Context));
        Assert.Equal("perfgate-check/2", json.RootElement.GetProperty("schema").GetString());
        var scenarios = json.RootElement.GetProperty("scenarios").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);

        // llama is equal: no drift, yet every figure is there (trend-ready).
        var llama = scenarios["llama-3-8b-h100"];
        Assert.Empty(llama.GetProperty("drifts").EnumerateArray());
        Assert.Equal(
            ["decode.throughput_per_card 2500 tok/s higher-is-better", "memory.stack.kv_cache 50 GiB neutral", "memory.stack.weights 14.9 GiB neutral"],
            llama.GetProperty("figures").EnumerateArray().Select(f => $"{f.GetProperty("key").GetString()} {f.GetProperty("value").GetRawText()} {f.GetProperty("unit").GetString()} {f.GetProperty("direction").GetString()}"));

        // Metrics by key, then table cells row by row; text and flags keep their JSON type.
        var qwq = scenarios["qwq-32b-910b3"].GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("key").GetString()).ToList();
        Assert.Equal(
            ["decode.pipeline", "decode.step_time", "decode.throughput_per_card", "memory.capacity", "memory.fits", "memory.stack.kv_cache", "memory.stack.system", "memory.stack.weights",
             "decode.breakdown[attention].time", "decode.breakdown[attention].bound", "decode.breakdown[mlp].time", "decode.breakdown[mlp].bound"],
            qwq);

        // A removed scenario has no current figure.
        Assert.Empty(scenarios["gone"].GetProperty("figures").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void MsBuild_diagnostics(string culture) =>
        SnapshotAssert.Matches(Under(culture, () => new MsBuildDiagnosticFormat().Write(GateDiagnostics.Create(SampleResults.Mixed(), Severity.Error, Relative))), "Report.mixed.msbuild", "txt");

    [Theory]
    [MemberData(nameof(Cultures))]
    public void GitHub_annotations_as_warnings(string culture) =>
        SnapshotAssert.Matches(Under(culture, () => new GitHubDiagnosticFormat().Write(GateDiagnostics.Create(SampleResults.Mixed(), Severity.Warning, Relative))), "Report.mixed.github", "txt");

    // The console report's model is Core's; its drawing (Spectre.Console) is the CLI's and is snapshot-tested there.
    [Fact]
    public void Console_model_lists_each_scenario_then_its_largest_drifts_then_the_approve_commands()
    {
        var model = ConsoleReport.Model(SampleResults.Mixed());
        Assert.Equal("PerfGate: 5 scenario(s): 2 equal, 1 drifted, 1 new, 1 removed - gate failed", model.Headline.Text);
        Assert.All(model.Rows, r => Assert.Equal(model.Columns.Count, r.Count));
        Assert.Equal(ConsoleTone.Bad, model.Rows.Single(r => r[0].Text == "qwq-32b-910b3")[1].Tone);
        Assert.Contains(model.Footer, l => l.Text == "  perfgate approve qwq-32b-910b3" && l.Tone == ConsoleTone.Command);
    }

    [Fact]
    public void Console_model_counts_the_plainly_equal_scenarios_of_a_large_check_on_one_row()
    {
        // The drifted and the tolerated scenario say something and are listed; the 60 plainly equal ones are counted.
        var model = ConsoleReport.Model(SampleResults.Large());

        Assert.Equal("PerfGate: 62 scenario(s): 61 equal, 1 drifted, 0 new, 0 removed - gate failed", model.Headline.Text);
        Assert.Equal(["t-drifted", "t-tolerated", "60 scenario(s), not listed"], model.Rows.Select(r => r[0].Text).Where(t => t.Length > 0));
        var folded = model.Rows[^1];
        Assert.Equal(["60 scenario(s), not listed", "equal", "120 figure(s)", string.Empty, string.Empty, string.Empty], folded.Select(c => c.Text));
        Assert.Equal(ConsoleTone.Good, folded[1].Tone);
        Assert.Equal("A check of more than 50 scenarios lists only those that are not plainly equal; --report markdown=FILE, json=FILE, junit=FILE or html=FILE lists every one.", model.Footer[0].Text);
        Assert.Contains(model.Footer, l => l.Text == "  perfgate approve t-drifted");
    }

    [Theory]
    [InlineData(ConsoleReport.ListEveryScenarioUpTo, false)]
    [InlineData(ConsoleReport.ListEveryScenarioUpTo + 1, true)]
    public void Console_model_lists_every_scenario_of_a_check_of_up_to_fifty(int scenarios, bool folded)
    {
        var snapshots = Enumerable.Range(0, scenarios).Select(i => SampleResults.Plain($"s{i:000}", 10)).ToList();
        var result = SnapshotComparer.Compare(snapshots.Select(SampleSnapshots.Current).ToList(), snapshots.Select(s => SampleSnapshots.Document(s)).ToList(), [], id => $"baselines/{id}.verified.txt");

        var model = ConsoleReport.Model(result);

        Assert.Equal(folded ? 1 : scenarios, model.Rows.Count);
        Assert.Equal(folded, model.Footer.Count > 0);
    }

    [Fact]
    public void Console_format_needs_the_hosts_renderer() =>
        Assert.Throws<InvalidOperationException>(() => new ConsoleReport().Render(SampleResults.Mixed(), Context));

    [Fact]
    public void Every_drift_message_ends_with_its_approve_command()
    {
        foreach (var f in GateDiagnostics.Create(SampleResults.Mixed(), Severity.Error, Relative))
        {
            var scenario = f.Diagnostic.Message[..f.Diagnostic.Message.IndexOf(':', StringComparison.Ordinal)];
            Assert.EndsWith($"perfgate approve {scenario}", f.Diagnostic.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GitHub_annotations_are_capped_at_ten_largest_first()
    {
        var builder = new SnapshotBuilder("wide", "0.1.0");
        var changed = new SnapshotBuilder("wide", "0.1.0");
        for (var i = 1; i <= 12; i++)
        {
            builder.Number($"m{i:00}", 100);
            changed.Number($"m{i:00}", 100 + i);
        }

        var result = SnapshotComparer.Compare([Gate.SampleSnapshots.Current(changed.Build())], [Gate.SampleSnapshots.Document(builder.Build())], [], id => id);
        var findings = GateDiagnostics.Create(result, Severity.Error, Relative);
        Assert.Equal(11, findings.Count); // 10 figures + "and 2 more"
        var lines = new GitHubDiagnosticFormat().Write(findings).TrimEnd('\n').Split('\n');
        Assert.Equal(11, lines.Length);
        Assert.Contains("m12 100 -> 112 (+12 %", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("::notice title=PerfGate::1 more finding(s)", lines[10], StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_details_are_capped_so_the_job_summary_stays_small()
    {
        var builder = new SnapshotBuilder("wide", "0.1.0");
        var changed = new SnapshotBuilder("wide", "0.1.0");
        for (var i = 1; i <= 70; i++)
        {
            builder.Number($"m{i:00}", 100);
            changed.Number($"m{i:00}", 101);
        }

        var result = SnapshotComparer.Compare([Gate.SampleSnapshots.Current(changed.Build())], [Gate.SampleSnapshots.Document(builder.Build())], [], id => id);
        var markdown = new MarkdownReport().Render(result, Context);
        Assert.Contains("| ... and 10 more (see the received file", markdown, StringComparison.Ordinal);
        Assert.Equal(MarkdownReport.MaxRowsPerScenario, markdown.Split('\n').Count(l => l.StartsWith("| `m", StringComparison.Ordinal)));
    }

    [Theory]
    // 71.5508 -> 71.5534 tok/s is +0.00363 %: a small change must not read as "0 %".
    [InlineData(0.0036338, "+0.00363 %")]
    [InlineData(-33.3333, "-33.3 %")]
    [InlineData(337.5, "+338 %")]
    [InlineData(0.0, "0 %")]
    public void Percentages_keep_three_significant_digits(double percent, string expected) =>
        Assert.Equal(expected, ReportFormat.Percent(percent, CultureInfo.InvariantCulture));
}
