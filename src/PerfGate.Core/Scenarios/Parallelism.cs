namespace PerfGate.Scenarios;

/// <summary>Tensor parallel (TP), expert parallel (EP) and attention data parallel (DP) degrees.</summary>
public sealed record Parallelism(int Tp = 1, int Ep = 1, int Dp = 1)
{
    /// <summary>
    /// The most cards one deployment may span (TP x DP, and EP). Estimates keep per-card figures, so a degree past
    /// this is refused rather than overflowing 32-bit card counts or allocating a budget per card.
    /// </summary>
    public const int MaxCards = 65_536;

    public static Parallelism Single { get; } = new();

    /// <summary>Every degree at least 1, TP x DP and EP at most <see cref="MaxCards"/>.</summary>
    public bool DegreesInRange => Tp >= 1 && Dp >= 1 && Ep >= 1 && (long)Tp * Dp <= MaxCards && Ep <= MaxCards;
}
