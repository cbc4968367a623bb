namespace PerfGate.Run;

/// <summary>
/// The DeepSeek EP post's configuration search as a front end received it (<c>perfgate search</c>'s options). Lists are
/// as typed: each item may hold several comma-separated values; empty or absent means the post's defaults.
/// </summary>
public sealed record SearchArguments
{
    /// <summary>The largest UX TPS target accepted: far beyond any decode rate, small enough to print.</summary>
    public const double MaxTarget = 100_000;

    public string Model { get; init; } = "deepseek-v3";

    /// <summary>Cards (ids or YAML paths); default the post's h800, h20, a100-80g, l20.</summary>
    public IReadOnlyList<string> Hardware { get; init; } = [];

    /// <summary>NICs (ids or YAML paths); default cx7-400g, e810-100g.</summary>
    public IReadOnlyList<string> Nics { get; init; } = [];

    /// <summary>UX TPS target: tokens per second each user must see (the post: 20 or 15).</summary>
    public double Target { get; init; } = 20;

    /// <summary>Default: published (the post's factors).</summary>
    public string? Efficiency { get; init; }

    /// <summary>Default: sparse-times-all (the post's rule).</summary>
    public string? Layers { get; init; }

    /// <summary>The defaults a front end shows (its options take them from here).</summary>
    public static SearchArguments Defaults { get; } = new();

    internal static IReadOnlyList<string> DefaultHardware { get; } = ["h800", "h20", "a100-80g", "l20"];

    internal static IReadOnlyList<string> DefaultNics { get; } = ["cx7-400g", "e810-100g"];
}
