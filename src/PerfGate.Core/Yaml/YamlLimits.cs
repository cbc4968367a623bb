namespace PerfGate.Yaml;

/// <summary>
/// Bounds on what a YAML input may be. Inputs past any of them are refused (PG2011) before they are
/// turned into a tree, so a hostile file cannot exhaust memory or the stack.
/// </summary>
public sealed record YamlLimits
{
    public static YamlLimits Default { get; } = new();

    /// <summary>Largest file accepted, in bytes of UTF-8 (1 MiB).</summary>
    public long MaxFileBytes { get; init; } = 1L << 20;

    /// <summary>Deepest nesting of mappings and sequences.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most nodes (scalars, mappings, sequences) in one file.</summary>
    public int MaxNodes { get; init; } = 100_000;
}
