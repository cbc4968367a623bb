namespace PerfGate.Estimation;

/// <summary>The text of a <see cref="Bound"/> in reports and snapshots: its name in lower case.</summary>
public static class BoundExtensions
{
    // Built once from the enum's names (every breakdown row of every scenario writes one): the ids cannot drift from the enum.
    private static readonly string[] Ids = BuildIds();

    /// <summary><c>memory</c>, <c>compute</c>, <c>network</c>, <c>launch</c>.</summary>
    public static string ToId(this Bound bound) =>
        (int)bound < Ids.Length && Ids[(int)bound] is { } id ? id : bound.ToString().ToLowerInvariant();

    private static string[] BuildIds()
    {
        var values = Enum.GetValues<Bound>();
        var ids = new string[values.Max(v => (int)v) + 1];
        foreach (var value in values)
        {
            ids[(int)value] = value.ToString().ToLowerInvariant();
        }

        return ids;
    }
}
