namespace PerfGate.MSBuild.Tests.Integration;

/// <summary>
/// The smallest real perfgate workspace: one decode scenario of a built-in model on a built-in GPU. Its baseline is
/// made by the real CLI (through the build's approve), never written by hand.
/// </summary>
internal static class TinyWorkspace
{
    public const string ScenarioId = "h100-llama3-8b";

    public const string ScenarioFile = "scenarios/h100-llama3-8b.yaml";

    public const string BaselineFile = "baselines/h100-llama3-8b.verified.txt";

    /// <summary>1-based line of <c>batch:</c> in <see cref="Scenario"/>.</summary>
    public const int BatchLine = 9;

    public const string Settings = """
        scenarios: ['scenarios/*.yaml']
        baselines: baselines
        """;

    public static string Scenario(string batch) => $$"""
        kind: scenario
        id: {{ScenarioId}}
        model: llama-3-8b
        hardware: h100-sxm
        cards: 1
        parallelism: {tp: 1}
        dtypes: {weights: bf16, kv: bf16}
        decode:
          batch: {{batch}}
          context: 4096
        """;

    public static void WriteTo(ConsumerProject consumer, string batch = "32")
    {
        consumer.Write("perfgate.yaml", Settings + "\n");
        consumer.Write(ScenarioFile, Scenario(batch) + "\n");
    }
}
