namespace PerfGate.Gate;

/// <summary>Constants of the snapshot text format (documented in src/PerfGate.Core/Gate/README.md).</summary>
public static class SnapshotFormat
{
    /// <summary>Version line value; bump when the grammar changes.</summary>
    public const string Version = "perfgate-snapshot/1";

    /// <summary>File extension of snapshots: <c>&lt;scenario&gt;.verified.txt</c> and <c>&lt;scenario&gt;.received.txt</c>.</summary>
    public const string Extension = "txt";

    public const string HigherIsBetter = "(higher is better)";
    public const string LowerIsBetter = "(lower is better)";

    public const string InputsSection = "[inputs]";
    public const string SettingsSection = "[settings]";
    public const string MetricsSection = "[metrics]";
    public const string TablePrefix = "[table ";
    public const string CellSeparator = " | ";

    public static string DirectionSuffix(MetricDirection direction) => direction switch
    {
        MetricDirection.HigherIsBetter => HigherIsBetter,
        MetricDirection.LowerIsBetter => LowerIsBetter,
        _ => string.Empty,
    };
}
