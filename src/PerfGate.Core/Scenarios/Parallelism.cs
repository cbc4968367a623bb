namespace PerfGate.Scenarios;

/// <summary>Tensor parallel (TP), expert parallel (EP) and attention data parallel (DP) degrees.</summary>
public sealed record Parallelism(int Tp = 1, int Ep = 1, int Dp = 1)
{
    public static Parallelism Single { get; } = new();
}
