using PerfGate.Diagnostics;

namespace PerfGate.Gate;

/// <summary>Either a <see cref="SnapshotDocument"/> or the PG1004 diagnostic saying which line is wrong and why.</summary>
public sealed record SnapshotReadResult(SnapshotDocument? Document, Diagnostic? Error)
{
    public bool IsValid => Document is not null;
}
