using PerfGate.Measurements.Formats;

namespace PerfGate.Measurements;

/// <summary>The registration list of report formats: adding one is one type plus one line here.</summary>
public static class MeasuredFormats
{
    public static IReadOnlyList<IMeasuredFormat> All { get; } =
    [
        new GuideLlmJsonFormat(),
        new GuideLlmMarkdownFormat(),
        new VllmJsonFormat(),
        new SglangJsonlFormat(),
        new AiperfJsonFormat(),
        new MindieConsoleFormat(),
    ];

    public static IMeasuredFormat? ById(string id) => All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.Ordinal));

    public static string Ids => string.Join(", ", All.Select(f => f.Id));
}
