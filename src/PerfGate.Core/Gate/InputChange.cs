namespace PerfGate.Gate;

/// <summary>An input file whose content hash differs from the one recorded in the baseline (null: absent on that side).</summary>
public sealed record InputChange(string Path, string? OldSha256, string? NewSha256)
{
    public string Describe() => (OldSha256, NewSha256) switch
    {
        (null, _) => $"{Path} (new input)",
        (_, null) => $"{Path} (no longer an input)",
        _ => $"{Path} (content changed)",
    };
}
