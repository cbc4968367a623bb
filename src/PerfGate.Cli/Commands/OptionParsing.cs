using System.CommandLine;
using System.Globalization;

namespace PerfGate.Cli.Commands;

/// <summary>Option kinds System.CommandLine does not parse as PerfGate needs (internal); the values' domain rules are Core's (<see cref="PerfGate.Workspace.OptionValues"/>).</summary>
internal static class OptionParsing
{
    /// <summary>
    /// A number option parsed with the invariant culture and no thousands separators, whatever the user's culture:
    /// "0,8" is refused instead of read as 8 (invariant) or 0.8 (de-DE). NaN and infinities are left to the range checks.
    /// </summary>
    public static Option<double> Number(string name, string description, double defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (text is null)
            {
                return defaultValue;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"'{text}' is not a number for {name}; write it with '.' as the decimal separator and no thousands separators, e.g. {defaultValue.ToString(CultureInfo.InvariantCulture)}");
            return defaultValue;
        },
    };
}
