using System.Text.Json;

namespace PerfGate.Catalog;

/// <summary>
/// JSON for catalog entries: keys in a fixed order, figures in base units named in the key
/// (<c>memoryBytes</c>, <c>bf16FlopsPerSecond</c>), invariant formatting, LF and a final newline.
/// </summary>
public static class CatalogJson
{
    /// <summary>The whole catalog as one JSON object: <c>hardware</c>, <c>nics</c> and <c>models</c> arrays.</summary>
    public static string Render(CatalogSet catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Reports.JsonText.Render(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("hardware");
            foreach (var h in catalog.Hardware.Values)
            {
                Write(w, h);
            }

            w.WriteEndArray();
            w.WriteStartArray("nics");
            foreach (var n in catalog.Nics.Values)
            {
                Write(w, n);
            }

            w.WriteEndArray();
            w.WriteStartArray("models");
            foreach (var m in catalog.Models.Values)
            {
                Write(w, m);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    public static void Write(Utf8JsonWriter w, HardwareSpec h)
    {
        w.WriteStartObject();
        w.WriteString("kind", "hardware");
        w.WriteString("id", h.Id);
        w.WriteString("name", h.Name);
        w.WriteString("vendor", h.Vendor);
        w.WriteNumber("memoryBytes", h.Memory.Value);
        Optional(w, "marketedMemoryBytes", h.MarketedMemory?.Value);
        w.WriteNumber("memoryBandwidthBytesPerSecond", h.MemoryBandwidth.Value);
        w.WriteNumber("bf16FlopsPerSecond", h.Bf16.Value);
        Optional(w, "fp16FlopsPerSecond", h.Fp16?.Value);
        Optional(w, "fp8FlopsPerSecond", h.Fp8?.Value);
        Optional(w, "int8OpsPerSecond", h.Int8?.Value);
        Optional(w, "exp2FlopsPerSecond", h.Exp2?.Value);
        Optional(w, "reduceFlopsPerSecond", h.Reduce?.Value);
        Optional(w, "sramBytes", h.Sram?.Value);
        if (h.IntraNodeLink is { } link)
        {
            w.WriteString("intraNodeLink", link.ToId());
        }

        Optional(w, "intraNodeBandwidthBytesPerSecond", h.IntraNodeBandwidth?.Value);
        w.WriteBoolean("twoStageFa3", h.TwoStageFa3);
        w.WriteBoolean("threeStageFa3", h.ThreeStageFa3);
        w.WriteBoolean("fp8LowAccumulationPrecision", h.Fp8LowAccumulationPrecision);
        w.WriteNumber("systemReservedMemoryBytes", h.SystemReservedMemory.Value);
        w.WriteNumber("threadAllReduceLatencySeconds", h.ThreadAllReduceLatency.Seconds);
        w.WriteNumber("kernelLaunchOverheadSeconds", h.KernelLaunchOverhead.Seconds);
        w.WriteString("efficiency", h.Efficiency.ToString().ToLowerInvariant());
        if (h.CalibrationTables is { } tables)
        {
            w.WriteString("calibration", tables);
        }

        Sources(w, h.Sources);
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, NicSpec n)
    {
        w.WriteStartObject();
        w.WriteString("kind", "nic");
        w.WriteString("id", n.Id);
        w.WriteString("name", n.Name);
        w.WriteNumber("lineRateBytesPerSecond", n.LineRate.Value);
        w.WriteNumber("effectiveBandwidthBytesPerSecond", n.EffectiveBandwidth.Value);
        Sources(w, n.Sources);
        w.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter w, ModelSpec m)
    {
        var p = ModelParameters.Compute(m);
        w.WriteStartObject();
        w.WriteString("kind", "model");
        w.WriteString("id", m.Id);
        w.WriteString("name", m.Name);
        w.WriteString("family", m.Family);
        w.WriteNumber("parameters", p.Total);
        w.WriteNumber("activatedParameters", p.ActivatedPerToken);
        w.WriteNumber("layers", m.Layers);
        w.WriteNumber("hiddenSize", m.HiddenSize);
        w.WriteNumber("attentionHeads", m.AttentionHeads);
        w.WriteNumber("keyValueHeads", m.KeyValueHeads);
        w.WriteNumber("headDim", m.HeadDim);
        w.WriteNumber("intermediateSize", m.IntermediateSize);
        w.WriteNumber("vocabSize", m.VocabSize);
        w.WriteBoolean("tiedEmbeddings", m.TiedEmbeddings);
        w.WriteBoolean("qkvBias", m.QkvBias);
        if (m.QkNorm)
        {
            w.WriteBoolean("qkNorm", m.QkNorm);
        }

        w.WriteNumber("mtpLayers", m.MtpLayers);
        if (m.Moe is { } moe)
        {
            w.WriteStartObject("moe");
            w.WriteNumber("routedExperts", moe.RoutedExperts);
            w.WriteNumber("expertsPerToken", moe.ExpertsPerToken);
            w.WriteNumber("expertIntermediateSize", moe.ExpertIntermediateSize);
            w.WriteNumber("sharedExperts", moe.SharedExperts);
            w.WriteNumber("sharedExpertIntermediateSize", moe.SharedExpertIntermediateSize);
            w.WriteBoolean("sharedExpertGate", moe.SharedExpertGate);
            w.WriteBoolean("routerBias", moe.RouterBias);
            w.WriteNumber("firstDenseLayers", moe.FirstDenseLayers);
            w.WriteEndObject();
        }

        if (m.Mla is { } mla)
        {
            w.WriteStartObject("mla");
            Optional(w, "qLoraRank", mla.QLoraRank);
            w.WriteNumber("kvLoraRank", mla.KvLoraRank);
            w.WriteNumber("qkNopeHeadDim", mla.QkNopeHeadDim);
            w.WriteNumber("qkRopeHeadDim", mla.QkRopeHeadDim);
            w.WriteNumber("vHeadDim", mla.VHeadDim);
            w.WriteEndObject();
        }

        w.WriteStartObject("parameterBreakdown");
        foreach (var (name, count) in p.Components)
        {
            w.WriteNumber(name, count);
        }

        w.WriteStartObject("perLayer");
        w.WriteNumber("attention", p.AttentionPerLayer);
        w.WriteNumber("layerNorms", p.LayerNormsPerLayer);
        w.WriteNumber("denseMlp", p.DenseMlpPerLayer);
        w.WriteNumber("perExpert", p.ParametersPerExpert);
        w.WriteNumber("routedExperts", p.RoutedExpertsPerLayer);
        w.WriteNumber("sharedExperts", p.SharedExpertsPerLayer);
        w.WriteNumber("router", p.RouterPerLayer);
        w.WriteEndObject();
        w.WriteNumber("denseLayers", p.DenseLayers);
        w.WriteNumber("moeLayers", p.MoeLayers);
        w.WriteNumber("mtpModule", p.MtpParametersPerModule);
        w.WriteEndObject();
        Sources(w, m.Sources);
        w.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void Optional(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void Optional(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    private static void Sources(Utf8JsonWriter w, Provenance sources)
    {
        w.WriteStartObject("sources");
        foreach (var (field, text) in sources.ByField.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            w.WriteString(field, text);
        }

        w.WriteEndObject();
    }
}
