namespace PerfGate.Gate;

/// <summary>A setting (scenario field or catalog figure used) that differs from the one recorded in the baseline.</summary>
public sealed record SettingChange(string Key, string? Old, string? New)
{
    /// <summary>"hardware.memoryBandwidth: 3.35 TB/s -> 3.2 TB/s": figures with their unit (<see cref="SettingUnits"/>).</summary>
    public string Describe() => $"{Key}: {SettingUnits.Format(Key, Old)} -> {SettingUnits.Format(Key, New)}";
}
