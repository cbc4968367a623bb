using System.Globalization;

namespace PerfGate.Catalog;

/// <summary>The rows of <c>catalog show</c> for people: each field, its value and its source.</summary>
public static class CatalogDetails
{
    public static IEnumerable<(string, string, string?)> Of(HardwareSpec h)
    {
        yield return ("name", h.Name, null);
        yield return ("vendor", h.Vendor, null);
        yield return ("memory", MiB(h.Memory), h.Sources.For("memory"));
        if (h.MarketedMemory is { } mm)
        {
            yield return ("marketedMemory", FormattableString.Invariant($"{mm.InGB:0.##} GB"), h.Sources.For("marketedMemory"));
        }

        yield return ("memoryBandwidth", h.MemoryBandwidth.ToString(), h.Sources.For("memoryBandwidth"));
        yield return ("bf16", h.Bf16.ToString(), h.Sources.For("bf16"));
        foreach (var (field, value) in new[] { ("fp16", h.Fp16), ("fp8", h.Fp8), ("int8", h.Int8), ("exp2", h.Exp2), ("reduce", h.Reduce) })
        {
            if (value is { } v)
            {
                yield return (field, v.ToString(), h.Sources.For(field));
            }
        }

        if (h.IntraNodeLink is { } link)
        {
            yield return ("intraNodeLink", link.ToId(), h.Sources.For("intraNodeLink"));
        }

        if (h.IntraNodeBandwidth is { } bw)
        {
            yield return ("intraNodeBandwidth", bw.ToString(), h.Sources.For("intraNodeBandwidth"));
        }

        yield return ("twoStageFa3", Bool(h.TwoStageFa3), h.Sources.For("twoStageFa3"));
        yield return ("threeStageFa3", Bool(h.ThreeStageFa3), h.Sources.For("threeStageFa3"));
        yield return ("systemReservedMemory", h.SystemReservedMemory.ToString(), h.Sources.For("systemReservedMemory"));
        yield return ("kernelLaunchOverhead", h.KernelLaunchOverhead.ToString(), h.Sources.For("kernelLaunchOverhead"));
        yield return ("efficiency", h.Efficiency.ToString().ToLowerInvariant(), null);
        if (h.CalibrationTables is { } tables)
        {
            yield return ("calibration", tables, null);
        }
    }

    public static IEnumerable<(string, string, string?)> Of(NicSpec n)
    {
        yield return ("name", n.Name, null);
        yield return ("lineRate", n.LineRate.ToString(), n.Sources.For("lineRate"));
        yield return ("effectiveBandwidth", n.EffectiveBandwidth.ToString(), n.Sources.For("effectiveBandwidth"));
    }

    public static IEnumerable<(string, string, string?)> Of(ModelSpec m)
    {
        var p = ModelParameters.Compute(m);
        yield return ("name", m.Name, null);
        yield return ("family", m.Family, null);
        yield return ("parameters", N(p.Total), "computed from the architecture (ModelParameters)");
        yield return ("activatedParameters", N(p.ActivatedPerToken), "computed: total minus the routed experts a token is not sent to");
        yield return ("layers", N(m.Layers), m.Sources.For("layers"));
        yield return ("hiddenSize", N(m.HiddenSize), m.Sources.For("hiddenSize"));
        yield return ("attentionHeads", N(m.AttentionHeads), m.Sources.For("attentionHeads"));
        yield return ("keyValueHeads", N(m.KeyValueHeads), m.Sources.For("keyValueHeads"));
        yield return ("headDim", N(m.HeadDim), m.Sources.For("headDim"));
        yield return ("intermediateSize", N(m.IntermediateSize), m.Sources.For("intermediateSize"));
        yield return ("vocabSize", N(m.VocabSize), m.Sources.For("vocabSize"));
        yield return ("tiedEmbeddings", Bool(m.TiedEmbeddings), m.Sources.For("tiedEmbeddings"));
        yield return ("qkvBias", Bool(m.QkvBias), m.Sources.For("qkvBias"));
        if (m.QkNorm)
        {
            yield return ("qkNorm", Bool(m.QkNorm), m.Sources.For("qkNorm"));
        }

        yield return ("mtpLayers", N(m.MtpLayers), m.Sources.For("mtpLayers"));
        if (m.Moe is { } moe)
        {
            yield return ("moe.routedExperts", N(moe.RoutedExperts), m.Sources.For("moe.routedExperts"));
            yield return ("moe.expertsPerToken", N(moe.ExpertsPerToken), m.Sources.For("moe.expertsPerToken"));
            yield return ("moe.expertIntermediateSize", N(moe.ExpertIntermediateSize), m.Sources.For("moe.expertIntermediateSize"));
            yield return ("moe.sharedExperts", N(moe.SharedExperts), m.Sources.For("moe.sharedExperts"));
            yield return ("moe.firstDenseLayers", N(moe.FirstDenseLayers), m.Sources.For("moe.firstDenseLayers"));
        }

        if (m.Mla is { } mla)
        {
            yield return ("mla.qLoraRank", mla.QLoraRank is { } q ? N(q) : "-", m.Sources.For("mla.qLoraRank"));
            yield return ("mla.kvLoraRank", N(mla.KvLoraRank), m.Sources.For("mla.kvLoraRank"));
            yield return ("mla.qkNopeHeadDim", N(mla.QkNopeHeadDim), m.Sources.For("mla.qkNopeHeadDim"));
            yield return ("mla.qkRopeHeadDim", N(mla.QkRopeHeadDim), m.Sources.For("mla.qkRopeHeadDim"));
            yield return ("mla.vHeadDim", N(mla.VHeadDim), m.Sources.For("mla.vHeadDim"));
        }

        foreach (var (name, count) in p.Components)
        {
            yield return ($"parameters.{name}", N(count), null);
        }
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Device-read capacities are whole MiB: "81,559 MiB (79.65 GiB)".</summary>
    private static string MiB(Quantities.Bytes b) =>
        b.Value % Quantities.Bytes.MiB == 0 ? $"{N(b.Value / Quantities.Bytes.MiB)} MiB ({b})" : b.ToString();

    private static string Bool(bool b) => b ? "true" : "false";
}
