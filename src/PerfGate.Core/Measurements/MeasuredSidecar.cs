using PerfGate.Diagnostics;
using PerfGate.Yaml;

namespace PerfGate.Measurements;

/// <summary>
/// The small YAML file beside a report that says what the report does not (<c>REPORT.perfgate.yaml</c>):
/// <code>
/// engine: vLLM
/// model: qwen2-72b
/// hardware: a100-80g
/// cards: 4
/// parallelism: tp4
/// </code>
/// Every key is optional; unknown keys are errors with "did you mean".
/// </summary>
public static class MeasuredSidecar
{
    /// <summary>The sidecar's path for a report: the report's path with ".perfgate.yaml" appended.</summary>
    public static string PathFor(string report) => report + ".perfgate.yaml";

    public static MeasuredSystem? Read(string text, string file, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var loaded = YamlDocumentLoader.Load(text, file);
        foreach (var d in loaded.Diagnostics)
        {
            diagnostics.Add(d);
        }

        if (loaded.Root is null)
        {
            return null;
        }

        var before = diagnostics.Count;
        var reader = new YamlMappingReader(loaded.Root, file, diagnostics, "a measured-report sidecar");
        var system = new MeasuredSystem(
            reader.String("engine"),
            reader.String("model"),
            reader.String("hardware"),
            reader.Int("cards", min: 1, max: 65536),
            reader.String("parallelism"));
        reader.Complete();
        return diagnostics.Count > before ? null : system;
    }
}
