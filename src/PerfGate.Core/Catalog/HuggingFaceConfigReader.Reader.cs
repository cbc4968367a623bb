using System.Globalization;
using System.Text.Json;
using PerfGate.Diagnostics;
using PerfGate.Syntax;

namespace PerfGate.Catalog;

public static partial class HuggingFaceConfigReader
{
    /// <summary>Typed access to config.json's top-level values, with diagnostics at each value.</summary>
    private sealed class Reader(LocatedJson root, List<Diagnostic> diagnostics)
    {
        public LocatedJson Root { get; } = root;

        public SourceLocation Location => Root.Location;

        /// <summary>Sources for figures PerfGate derives rather than copies (e.g. head_dim from hidden_size / heads).</summary>
        public Dictionary<string, string> DerivedSources { get; } = new(StringComparer.Ordinal);

        public SourceLocation LocationOf(string name) => Root[name]?.Location ?? Location;

        public void Error(string name, string message) =>
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidValue, message, LocationOf(name)));

        public string? String(string name, bool required)
        {
            if (Root[name] is not { } v)
            {
                if (required)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingField, $"config.json has no '{name}'", Location));
                }

                return null;
            }

            if (v.Kind == JsonTokenType.String)
            {
                return v.Text;
            }

            diagnostics.Add(Diagnostic.Error(DiagnosticIds.WrongType, $"'{name}' must be a string, not {v.RawText}", v.Location));
            return null;
        }

        public int? Int(string name, bool required = false, int min = 1)
        {
            if (Root[name] is not { } v)
            {
                if (required)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingField, $"config.json has no '{name}', which a model of this type needs", Location));
                }

                return null;
            }

            if (v.Kind == JsonTokenType.Number && !v.TryGetInt(out _) && v.TryGetDouble(out var whole) && Math.Floor(whole) == whole)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"'{name}' is {v.RawText}, which is out of range; it must be a whole number from {min} to {int.MaxValue}"), v.Location));
                return null;
            }

            if (!v.TryGetInt(out var n))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.WrongType, $"'{name}' must be a whole number, not {v.RawText}", v.Location));
                return null;
            }

            if (n < min)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"'{name}' is {n}; it must be at least {min}"), v.Location));
                return null;
            }

            return n;
        }

        /// <summary>A whole number that may be JSON null (DeepSeek-V2-Lite's q_lora_rank).</summary>
        public int? NullableInt(string name) =>
            Root[name] is { Kind: JsonTokenType.Null } ? null : Int(name);

        public bool? Bool(string name)
        {
            if (Root[name] is not { } v)
            {
                return null;
            }

            if (v.Kind is JsonTokenType.True or JsonTokenType.False)
            {
                return v.Kind == JsonTokenType.True;
            }

            diagnostics.Add(Diagnostic.Error(DiagnosticIds.WrongType, $"'{name}' must be true or false, not {v.RawText}", v.Location));
            return null;
        }
    }
}
