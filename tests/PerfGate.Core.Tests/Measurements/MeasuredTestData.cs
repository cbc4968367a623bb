using PerfGate.Measurements;

namespace PerfGate.Tests.Measurements;

/// <summary>Reads the report files under Measurements/TestData (copied to the output folder) as the import would see them.</summary>
internal static class MeasuredTestData
{
    public static MeasuredInput Input(string name) =>
        new("TestData/" + name, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Measurements", "TestData", name)).ReplaceLineEndings("\n"));

    public static MeasuredParseResult Import(string name, string? format = null, MeasuredSystem? told = null) =>
        MeasuredImport.Read(Input(name), format, told ?? MeasuredSystem.Unknown);

    public static IReadOnlyList<MeasuredRun> Runs(string name)
    {
        var result = Import(name);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Runs;
    }

    public static double Value(this MeasuredRun run, MeasuredMetricKind kind, string statistic) =>
        run.Metric(kind, statistic)?.ValueInCanonicalUnit ?? throw new Xunit.Sdk.XunitException($"{run.Label} has no {kind} {statistic}");
}
