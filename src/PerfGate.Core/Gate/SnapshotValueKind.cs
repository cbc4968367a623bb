namespace PerfGate.Gate;

public enum SnapshotValueKind
{
    Number,
    Boolean,
    Text,
}
