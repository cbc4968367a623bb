using System.Globalization;
using System.Text.Json;
using PerfGate.Diagnostics;

namespace PerfGate.Catalog;

public static partial class HuggingFaceConfigReader
{
    /// <summary>Typed access to config.json's top-level values, with diagnostics at each value.</summary>
    private sealed class Reader(JsonPropertyMap map, List<Diagnostic> diagnostics)
    {
        public JsonPropertyMap Map { get; } = map;

        /// <summary>Sources for figures PerfGate derives rather than copies (e.g. head_dim from hidden_size / heads).</summary>
        public Dictionary<string, string> DerivedSources { get; } = new(StringComparer.Ordinal);

        public void Error(string name, string message) =>
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidValue, message, Map.LocationOf(name)));

        public string? String(string name, bool required)
        {
            if (!Map.TryGet(name, out var v, out var at))
            {
                if (required)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingField, $"config.json has no '{name}'", Map.Location));
                }

                return null;
            }

            if (v.ValueKind == JsonValueKind.String)
            {
                return v.GetString();
            }

            diagnostics.Add(Diagnostic.Error(DiagnosticIds.WrongType, $"'{name}' must be a string, not {v.GetRawText()}", at));
            return null;
        }

        public int? Int(string name, bool required = false, int min = 1)
        {
            if (!Map.TryGet(name, out var v, out var at))
            {
                if (required)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingField, $"config.json has no '{name}', which a model of this type needs", Map.Location));
                }

                return null;
            }

            if (v.ValueKind == JsonValueKind.Number && !v.TryGetInt32(out _) && v.TryGetDouble(out var whole) && double.IsFinite(whole) && Math.Floor(whole) == whole)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"'{name}' is {v.GetRawText()}, which is out of range; it must be a whole number from {min} to {int.MaxValue}"), at));
                return null;
            }

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var n))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.WrongType, $"'{name}' must be a whole number, not {v.GetRawText()}", at));
                return null;
            }

            if (n < min)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"'{name}' is {n}; it must be at least {min}"), at));
                return null;
            }

            return n;
        }

        /// <summary>A whole number that may be JSON null (DeepSeek-V2-Lite's q_lora_rank).</summary>
        public int? NullableInt(string name) =>
            Map.TryGet(name, out var v, out _) && v.ValueKind == JsonValueKind.Null ? null : Int(name);

        public bool? Bool(string name)
        {
            if (!Map.TryGet(name, out var v, out var at))
            {
                return null;
            }

            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return v.GetBoolean();
            }

            diagnostics.Add(Diagnostic.Error(DiagnosticIds.WrongType, $"'{name}' must be true or false, not {v.GetRawText()}", at));
            return null;
        }
    }
}
