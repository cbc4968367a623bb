namespace PerfGate.Schemas;

/// <summary>The JSON Schemas of PerfGate's YAML files, embedded (see README.md in this folder).</summary>
public static class JsonSchemas
{
    public static IReadOnlyList<string> Names { get; } = ["perfgate.schema.json", "scenario.schema.json", "catalog.schema.json"];

    /// <summary>The text of one schema, e.g. <c>scenario.schema.json</c>.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(JsonSchemas).Assembly.GetManifestResourceStream($"PerfGate.Schemas.{name}")
            ?? throw new ArgumentException($"no schema '{name}'; schemas: {string.Join(", ", Names)}", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
