using System.Globalization;
using System.Text;

namespace PerfGate.Catalog;

/// <summary>Writes a <see cref="ModelSpec"/> as a model catalog document (invariant culture, LF line endings).</summary>
public static class ModelYamlWriter
{
    public static string Write(ModelSpec m)
    {
        var sb = new StringBuilder();
        Line(sb, "kind", "model");
        Line(sb, "id", m.Id);
        Line(sb, "name", Quote(m.Name));
        Line(sb, "family", m.Family);
        if (m.Sources.Default is { } source)
        {
            Line(sb, "source", Quote(source));
        }

        Line(sb, "layers", m.Layers);
        Line(sb, "hiddenSize", m.HiddenSize);
        Line(sb, "attentionHeads", m.AttentionHeads);
        Line(sb, "keyValueHeads", m.KeyValueHeads);
        Line(sb, "headDim", m.HeadDim);
        Line(sb, "intermediateSize", m.IntermediateSize);
        Line(sb, "vocabSize", m.VocabSize);
        Line(sb, "tiedEmbeddings", m.TiedEmbeddings ? "true" : "false");
        Line(sb, "qkvBias", m.QkvBias ? "true" : "false");
        if (m.QkNorm)
        {
            Line(sb, "qkNorm", "true");
        }
        if (m.MtpLayers > 0)
        {
            Line(sb, "mtpLayers", m.MtpLayers);
        }

        if (m.Moe is { } moe)
        {
            sb.Append("moe:\n");
            Line(sb, "  routedExperts", moe.RoutedExperts);
            Line(sb, "  expertsPerToken", moe.ExpertsPerToken);
            Line(sb, "  expertIntermediateSize", moe.ExpertIntermediateSize);
            Line(sb, "  sharedExperts", moe.SharedExperts);
            if (moe.SharedExpertIntermediateSize > 0)
            {
                Line(sb, "  sharedExpertIntermediateSize", moe.SharedExpertIntermediateSize);
            }

            Line(sb, "  sharedExpertGate", moe.SharedExpertGate ? "true" : "false");
            Line(sb, "  routerBias", moe.RouterBias ? "true" : "false");
            Line(sb, "  firstDenseLayers", moe.FirstDenseLayers);
        }

        if (m.Mla is { } mla)
        {
            sb.Append("mla:\n");
            if (mla.QLoraRank is { } q)
            {
                Line(sb, "  qLoraRank", q);
            }

            Line(sb, "  kvLoraRank", mla.KvLoraRank);
            Line(sb, "  qkNopeHeadDim", mla.QkNopeHeadDim);
            Line(sb, "  qkRopeHeadDim", mla.QkRopeHeadDim);
            Line(sb, "  vHeadDim", mla.VHeadDim);
        }

        var own = m.Sources.ByField.Where(s => s.Value != m.Sources.Default).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        if (own.Count > 0)
        {
            sb.Append("sources:\n");
            foreach (var (field, text) in own)
            {
                Line(sb, "  " + field, Quote(text));
            }
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string key, string value) => sb.Append(key).Append(": ").Append(value).Append('\n');

    private static void Line(StringBuilder sb, string key, int value) => Line(sb, key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A double-quoted YAML scalar with backslashes and quotes escaped.</summary>
    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
