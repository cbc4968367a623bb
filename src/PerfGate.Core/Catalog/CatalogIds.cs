using System.Text.RegularExpressions;

namespace PerfGate.Catalog;

/// <summary>The spelling rule for ids of catalog documents and scenarios: lower case, digits, '-', '.', '_'.</summary>
public static partial class CatalogIds
{
    public const string Rule = "lower-case letters, digits, '-', '.' and '_', starting with a letter or digit (e.g. 'h100-sxm')";

    public static bool IsValid(string id) => id.Length is > 0 and <= 100 && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
