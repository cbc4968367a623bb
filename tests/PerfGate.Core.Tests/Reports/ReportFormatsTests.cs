using System.Runtime.CompilerServices;
using System.Text.Json;
using PerfGate.Reports;
using PerfGate.Schemas;
using PerfGate.Workspace;

namespace PerfGate.Tests.Reports;

/// <summary>
/// The report and diagnostic format registries are the one list: names are unique, and every place that names the
/// formats (perfgate.yaml's accepted names, its JSON schema, the READMEs' usage lines) says what the registry says.
/// </summary>
public sealed class ReportFormatsTests
{
    private static string Repository([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    [Fact]
    public void Names_and_aliases_are_unique_lower_case_words()
    {
        var names = ReportFormats.All.SelectMany(f => f.Aliases.Prepend(f.Name)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches("^[a-z][a-z0-9-]*$", n));
        Assert.Equal(["console", "markdown", "json", "junit", "html", "bmf", "github-benchmark-smaller", "github-benchmark-bigger"], ReportFormats.All.Select(f => f.Name));
    }

    [Fact]
    public void Every_alias_finds_its_format() =>
        Assert.All(ReportFormats.All, f => Assert.All(f.Aliases.Prepend(f.Name), a => Assert.Same(f, ReportFormats.Find(a))));

    [Fact]
    public void Default_file_names_are_unique() =>
        Assert.Equal(ReportFormats.Files.Count, ReportFormats.Files.Select(f => f.DefaultFileName).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void Perfgate_yaml_accepts_exactly_the_file_formats() =>
        Assert.Equal(ReportFormats.Files.Select(f => f.Name), WorkspaceSettingKeys.ReportFormatNames);

    [Fact]
    public void The_schema_lists_exactly_the_file_formats()
    {
        using var schema = JsonDocument.Parse(JsonSchemas.Read("perfgate.schema.json"));
        var listed = schema.RootElement.GetProperty("properties").GetProperty("reports").GetProperty("properties")
            .GetProperty("formats").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(ReportFormats.Files.Select(f => f.Name), listed);
    }

    [Fact]
    public void The_documented_report_option_is_the_registry()
    {
        Assert.Equal("console|markdown[=FILE]|json[=FILE]|junit[=FILE]|html[=FILE]|bmf[=FILE]|github-benchmark-smaller[=FILE]|github-benchmark-bigger[=FILE]", ReportFormats.Usage);
        Assert.Contains($"[--report {ReportFormats.Usage}]", File.ReadAllText(Path.Combine(Repository(), "src", "PerfGate.Core", "Gate", "README.md")), StringComparison.Ordinal);
        Assert.Contains($"`--report {ReportFormats.Usage.Replace("|", "\\|", StringComparison.Ordinal)}`", File.ReadAllText(Path.Combine(Repository(), "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_diagnostics_formats_are_the_registry()
    {
        var usage = string.Join('|', DiagnosticFormats.Names);
        Assert.Equal("auto|msbuild|github", usage);
        Assert.Contains($"[--diagnostics-format {usage}]", File.ReadAllText(Path.Combine(Repository(), "src", "PerfGate.Core", "Gate", "README.md")), StringComparison.Ordinal);
        Assert.Contains($"`--diagnostics-format {usage.Replace("|", "\\|", StringComparison.Ordinal)}`", File.ReadAllText(Path.Combine(Repository(), "README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_picks_github_annotations_inside_github_actions_only()
    {
        Assert.Same(DiagnosticFormats.GitHub, DiagnosticFormats.Resolve("auto", gitHubActions: true));
        Assert.Same(DiagnosticFormats.MsBuild, DiagnosticFormats.Resolve("auto", gitHubActions: false));
        Assert.Null(DiagnosticFormats.Resolve("xml", gitHubActions: false));
    }
}
