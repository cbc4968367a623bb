using System.Globalization;

namespace PerfGate.Memory;

/// <summary>
/// Consecutive cards with the same budget (total, weights and verdict), shown once: the console table's columns and
/// the SVG's bars both draw one group, labelled "card 3" or "cards 0-7".
/// </summary>
public sealed record CardGroup(IReadOnlyList<CardBudget> Cards)
{
    public CardBudget First => Cards[0];

    public string Label => Cards.Count == 1
        ? string.Create(CultureInfo.InvariantCulture, $"card {Cards[0].Card}")
        : string.Create(CultureInfo.InvariantCulture, $"cards {Cards[0].Card}-{Cards[^1].Card}");

    public static IReadOnlyList<CardGroup> Of(IReadOnlyList<CardBudget> cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var groups = new List<List<CardBudget>>();
        foreach (var c in cards)
        {
            if (groups.Count > 0 && Same(groups[^1][0], c))
            {
                groups[^1].Add(c);
            }
            else
            {
                groups.Add([c]);
            }
        }

        return [.. groups.Select(g => new CardGroup(g))];
    }

    private static bool Same(CardBudget a, CardBudget b) =>
        a.Total == b.Total && a.Weights.Total == b.Weights.Total && a.Verdict == b.Verdict;
}
