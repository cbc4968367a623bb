namespace PerfGate.Gate;

/// <summary>A setting (scenario field or catalog figure used) that differs from the one recorded in the baseline.</summary>
public sealed record SettingChange(string Key, string? Old, string? New)
{
    public string Describe() => $"{Key}: {Old ?? "(unset)"} -> {New ?? "(unset)"}";
}
