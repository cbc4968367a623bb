using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace PerfGate.Run;

/// <summary>
/// One part of a workspace split over machines: <c>perfgate check --shard INDEX/COUNT</c>, INDEX from 1 to COUNT.
/// A scenario (and its baseline, by the same id) belongs to the shard <c>FNV-1a(UTF-8 id) mod COUNT + 1</c>: every
/// scenario is in exactly one shard, and a scenario stays in its shard when others are added, removed or renamed
/// (the split depends on nothing but the id and COUNT; FNV-1a is fixed, unlike <see cref="string.GetHashCode()"/>,
/// which differs between processes).
/// </summary>
public readonly record struct ScenarioShard
{
    private ScenarioShard(int index, int count)
    {
        Index = index;
        Count = count;
    }

    /// <summary>1-based.</summary>
    public int Index { get; }

    public int Count { get; }

    /// <summary>Parses <c>INDEX/COUNT</c>; the error names what is wrong and what would be right.</summary>
    public static bool TryParse(string? text, out ScenarioShard shard, [NotNullWhen(false)] out string? error)
    {
        shard = default;
        var parts = (text ?? string.Empty).Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            error = $"--shard '{text}' is not INDEX/COUNT; write two whole numbers, e.g. --shard 1/4 for the first of four shards";
            return false;
        }

        if (count < 1)
        {
            error = $"--shard '{text}': the shard count must be at least 1, e.g. --shard 1/4";
            return false;
        }

        if (index < 1 || index > count)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"--shard '{text}': the shard index must be from 1 to {count}, e.g. --shard 1/{count}");
            return false;
        }

        shard = new ScenarioShard(index, count);
        error = null;
        return true;
    }

    /// <summary>True when the scenario (or baseline) with this id is checked by this shard.</summary>
    public bool Owns(string scenarioId) => Of(scenarioId, Count) == Index;

    /// <summary>The 1-based shard of <paramref name="scenarioId"/> among <paramref name="count"/>.</summary>
    public static int Of(string scenarioId, int count)
    {
        ArgumentNullException.ThrowIfNull(scenarioId);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var hash = 2166136261u; // FNV-1a, 32 bits: offset basis and prime from the algorithm's definition
        foreach (var b in Encoding.UTF8.GetBytes(scenarioId))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash % (uint)count) + 1;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
