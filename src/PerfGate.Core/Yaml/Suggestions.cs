namespace PerfGate.Yaml;

/// <summary>"Did you mean" help: the closest candidate by edit distance, ignoring case.</summary>
public static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="input"/>, or null when none is close enough to be a likely typo.</summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        var list = candidates as IReadOnlyCollection<string> ?? candidates.ToList();

        var sameLetters = list.FirstOrDefault(c => string.Equals(c, input, StringComparison.OrdinalIgnoreCase));
        if (sameLetters is not null)
        {
            return sameLetters;
        }

        // An abbreviation ("h100" for "h100-sxm") is a likelier intent than a one-letter typo of another id.
        var prefixed = input.Length >= 2
            ? list.Where(c => c.Length > input.Length && c.StartsWith(input, StringComparison.OrdinalIgnoreCase)).OrderBy(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (prefixed is not null)
        {
            return prefixed;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in list)
        {
            var d = Distance(input.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = d;
            }
        }

        var allowed = Math.Max(2, input.Length / 3);
        return best is not null && bestDistance <= allowed ? best : null;
    }

    /// <summary>" (did you mean 'x'?)" or an empty string.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
    {
        var best = Closest(input, candidates);
        return best is null ? string.Empty : $" (did you mean '{best}'?)";
    }

    /// <summary>Candidates quoted and comma-separated, in the order given.</summary>
    public static string List(IEnumerable<string> candidates) => string.Join(", ", candidates.Select(c => $"'{c}'"));

    /// <summary>Levenshtein distance with adjacent transpositions counted as one edit.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
