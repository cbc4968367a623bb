namespace PerfGate.Measurements;

/// <summary>
/// The unit spellings the tools print and their factor to PerfGate's canonical units (seconds "s", milliseconds "ms",
/// "req/s", "tokens/s"). MindIE writes microseconds with a Greek mu (U+03BC) or a micro sign (U+00B5).
/// </summary>
public static class MeasuredUnits
{
    private static readonly IReadOnlyList<(string Spelling, string Dimension, double ToSeconds)> Table =
    [
        ("ns", "time", 1e-9),
        ("us", "time", 1e-6),
        ("\u03bcs", "time", 1e-6),
        ("\u00b5s", "time", 1e-6),
        ("ms", "time", 1e-3),
        ("s", "time", 1),
        ("sec", "time", 1),
        ("seconds", "time", 1),
        ("req/s", "requests", 1),
        ("req/sec", "requests", 1),
        ("requests/sec", "requests", 1),
        ("requests/s", "requests", 1),
        ("token/s", "tokens", 1),
        ("tokens/s", "tokens", 1),
        ("tokens/sec", "tokens", 1),
        ("tok/s", "tokens", 1),
        ("tokens/sec/user", "tokens", 1),
    ];

    /// <summary>The factor that turns a value in <paramref name="unit"/> into <paramref name="canonical"/>, or null when they do not convert.</summary>
    public static double? Scale(string? unit, string canonical)
    {
        var from = Find(unit);
        var to = Find(canonical);
        return from is null || to is null || from.Value.Dimension != to.Value.Dimension ? null : from.Value.ToSeconds / to.Value.ToSeconds;
    }

    /// <summary>The spellings that convert to <paramref name="canonical"/>, for messages.</summary>
    public static string Spellings(string canonical)
    {
        var dimension = Find(canonical)?.Dimension;
        return string.Join(", ", Table.Where(t => t.Dimension == dimension).Select(t => t.Spelling));
    }

    private static (string Spelling, string Dimension, double ToSeconds)? Find(string? unit) =>
        unit is null ? null : Table.Where(t => string.Equals(t.Spelling, unit.Trim(), StringComparison.Ordinal)).Select(t => ((string, string, double)?)t).FirstOrDefault();
}
