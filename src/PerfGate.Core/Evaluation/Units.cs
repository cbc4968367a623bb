using PerfGate.Quantities;

namespace PerfGate.Evaluation;

/// <summary>The fixed display units of snapshot figures (never auto-scaled: a unit change is a drift).</summary>
internal static class Units
{
    public const string GiB = "GiB";
    public const string KiB = "KiB";
    public const string Ms = "ms";
    public const string Us = "us";
    public const string TokensPerSecond = "tok/s";
    public const string Percent = "%";
    public const string Billion = "billion";

    public static double InGiB(Bytes b) => b.InGiB;

    public static double InKiB(Bytes b) => (double)b.Value / Bytes.KiB;

    public static double InGiB(double bytes) => bytes / Bytes.GiB;
}
