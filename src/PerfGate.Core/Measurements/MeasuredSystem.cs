namespace PerfGate.Measurements;

/// <summary>
/// What was measured: the serving engine, the model and accelerator as the report names them, the card count and
/// the parallelism (e.g. "tp4"). Null where neither the report, the sidecar YAML nor an option says.
/// </summary>
public sealed record MeasuredSystem(string? Engine, string? Model, string? Hardware, int? Cards, string? Parallelism)
{
    public static MeasuredSystem Unknown { get; } = new(null, null, null, null, null);

    /// <summary>This system with every field <paramref name="over"/> sets taken from it (options beat the sidecar beat the report).</summary>
    public MeasuredSystem OverriddenBy(MeasuredSystem over)
    {
        ArgumentNullException.ThrowIfNull(over);
        return new(over.Engine ?? Engine, over.Model ?? Model, over.Hardware ?? Hardware, over.Cards ?? Cards, over.Parallelism ?? Parallelism);
    }
}
