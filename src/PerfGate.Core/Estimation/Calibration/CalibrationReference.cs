namespace PerfGate.Estimation.Calibration;

/// <summary>
/// A hardware document's <c>calibration:</c> value: tables embedded in PerfGate.Core (<c>embedded:h100-sxm</c>) or a
/// folder. The one place that writes and reads the <c>embedded:</c> spelling; everything else asks
/// <see cref="IsEmbedded"/> (the value stays text in HardwareSpec because that is what documents and baselines show).
/// </summary>
public static class CalibrationReference
{
    private const string EmbeddedPrefix = "embedded:";

    /// <summary>How a user writes embedded tables, for messages.</summary>
    public static string EmbeddedPattern => Embedded("NAME");

    public static string Embedded(string name) => EmbeddedPrefix + name;

    public static bool IsEmbedded(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.StartsWith(EmbeddedPrefix, StringComparison.Ordinal);
    }

    /// <summary>The name after <c>embedded:</c>, or null for a folder.</summary>
    public static string? EmbeddedName(string reference) => IsEmbedded(reference) ? reference[EmbeddedPrefix.Length..] : null;
}
