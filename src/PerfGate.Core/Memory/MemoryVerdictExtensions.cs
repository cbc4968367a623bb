namespace PerfGate.Memory;

public static class MemoryVerdictExtensions
{
    /// <summary>The spelling used in JSON, tables and snapshots.</summary>
    public static string ToId(this MemoryVerdict verdict) => verdict switch
    {
        MemoryVerdict.Fits => "fits",
        MemoryVerdict.PreemptionRisk => "preemption-risk",
        MemoryVerdict.OutOfMemoryRisk => "out-of-memory-risk",
        MemoryVerdict.DoesNotFit => "does-not-fit",
        MemoryVerdict.InvalidConfig => "invalid-config",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
