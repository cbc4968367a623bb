namespace PerfGate.Estimation;

/// <summary>Seed 002's speculative-decoding (MTP) arithmetic.</summary>
public static class MtpMath
{
    /// <summary>Expected accepted speculative tokens per step: sum over i = 1..mtp of acceptance^i.</summary>
    public static double AcceptedTokens(int mtp, double acceptance)
    {
        var sum = 0.0;
        var p = 1.0;
        for (var i = 1; i <= mtp; i++)
        {
            p *= acceptance;
            sum += p;
        }

        return sum;
    }
}
