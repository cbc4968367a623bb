using System.Globalization;

namespace PerfGate.Measurements.Formats;

/// <summary>One spelling of percentile statistics across formats: "p50", "p99", "p99.9", "p0.1".</summary>
internal static class Percentiles
{
    /// <summary>"p" and the percentile as an invariant number without trailing zeros.</summary>
    public static string Name(double percentile) => "p" + percentile.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>GuideLLM's keys: p001 is the 0.1th percentile, p01 the 1st, p999 the 99.9th; others are whole numbers.</summary>
    public static string? FromGuideLlmKey(string key) => key switch
    {
        "p001" => "p0.1",
        "p01" => "p1",
        "p05" => "p5",
        "p999" => "p99.9",
        _ when key.Length > 1 && key[0] == 'p' && int.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 100 => Name(p),
        _ => null,
    };
}
