using PerfGate.Diagnostics;
using PerfGate.Yaml;

namespace PerfGate.Catalog;

/// <summary>Reads a <c>kind: model</c> document into a <see cref="ModelSpec"/>.</summary>
internal static class ModelDocumentReader
{
    private static readonly HashSet<string> NonFigures = new(StringComparer.Ordinal)
    {
        "kind", "id", "name", "family", "description", "source", "sources",
    };

    private static readonly string[] Sections = ["moe", "mla"];

    public static ModelSpec? Read(YamlMappingReader r, string id)
    {
        var errors = r.Diagnostics.Count(d => d.Severity == Severity.Error);
        var name = r.String("name", required: true);
        var family = r.Enum("family", ModelFamilies.All.Select(f => new KeyValuePair<string, int>(f, 0)).ToList(), required: true) is not null
            ? r.String("family")
            : null;
        r.String("description");
        var layers = r.Int("layers", required: true, min: 1);
        var hidden = r.Int("hiddenSize", required: true, min: 1);
        var heads = r.Int("attentionHeads", required: true, min: 1);
        var kvHeads = r.Int("keyValueHeads", required: true, min: 1);
        var headDim = r.Int("headDim", required: true, min: 1);
        var intermediate = r.Int("intermediateSize", required: true, min: 1);
        var vocab = r.Int("vocabSize", required: true, min: 1);
        var tied = r.Bool("tiedEmbeddings");
        var qkvBias = r.Bool("qkvBias");
        var qkNorm = r.Bool("qkNorm");
        var mtp = r.Int("mtpLayers", min: 0);
        var window = r.Int("maxPositionEmbeddings", min: 1);
        var moe = ReadMoe(r);
        var mla = ReadMla(r);
        var sources = SourcesReader.Read(r, NonFigures, Sections);
        r.Declare("kind", "id");

        if (heads is { } h && kvHeads is { } kv && (kv > h || h % kv != 0))
        {
            r.Report(DiagnosticIds.InvalidValue, $"'keyValueHeads' is {kv}; it must divide 'attentionHeads' ({h})", r.ValueLocationOf("keyValueHeads"));
        }

        if (moe is not null && layers is { } l && moe.FirstDenseLayers >= l)
        {
            r.Report(DiagnosticIds.InvalidValue, $"'moe.firstDenseLayers' is {moe.FirstDenseLayers}; it must be less than 'layers' ({l})", r.KeyLocations.TryGetValue("moe.firstDenseLayers", out var loc) ? loc : r.Location);
        }

        r.Complete();
        if (r.Diagnostics.Count(d => d.Severity == Severity.Error) > errors || name is null || family is null || layers is null || hidden is null
            || heads is null || kvHeads is null || headDim is null || intermediate is null || vocab is null)
        {
            return null;
        }

        var model = new ModelSpec
        {
            Id = id,
            Name = name,
            Family = family,
            Layers = layers.Value,
            HiddenSize = hidden.Value,
            AttentionHeads = heads.Value,
            KeyValueHeads = kvHeads.Value,
            HeadDim = headDim.Value,
            IntermediateSize = intermediate.Value,
            VocabSize = vocab.Value,
            TiedEmbeddings = tied ?? false,
            QkvBias = qkvBias ?? false,
            QkNorm = qkNorm ?? false,
            MtpLayers = mtp ?? 0,
            MaxPositionEmbeddings = window,
            Moe = moe,
            Mla = mla,
            Sources = sources,
            Location = r.Location,
        };
        if (!ModelParameters.TryCompute(model, out _))
        {
            r.Report(DiagnosticIds.InvalidValue, TooLarge, r.Location);
            return null;
        }

        return model;
    }

    internal const string TooLarge = "the model's parameter count does not fit in 64 bits; check layers, hiddenSize, vocabSize, intermediateSize and the expert figures";

    private static MoeSpec? ReadMoe(YamlMappingReader root)
    {
        var r = root.Mapping("moe");
        if (r is null)
        {
            return null;
        }

        var routed = r.Int("routedExperts", required: true, min: 1);
        var perToken = r.Int("expertsPerToken", required: true, min: 1);
        var expertIntermediate = r.Int("expertIntermediateSize", required: true, min: 1);
        var shared = r.Int("sharedExperts", min: 0);
        var sharedIntermediate = r.Int("sharedExpertIntermediateSize", min: 1);
        var sharedGate = r.Bool("sharedExpertGate");
        var routerBias = r.Bool("routerBias");
        var firstDense = r.Int("firstDenseLayers", min: 0);
        if (routed is { } e && perToken is { } k && k > e)
        {
            r.Report(DiagnosticIds.InvalidValue, $"'moe.expertsPerToken' is {k}; it cannot exceed 'moe.routedExperts' ({e})", r.ValueLocationOf("expertsPerToken"));
        }

        if (sharedIntermediate is not null && (shared ?? 0) == 0)
        {
            r.Report(DiagnosticIds.InvalidValue, "'moe.sharedExpertIntermediateSize' is set but 'moe.sharedExperts' is 0 or absent; set 'sharedExperts: 1'", r.LocationOf("sharedExpertIntermediateSize"));
        }

        r.Complete();
        if (routed is null || perToken is null || expertIntermediate is null)
        {
            return null;
        }

        return new MoeSpec
        {
            RoutedExperts = routed.Value,
            ExpertsPerToken = perToken.Value,
            ExpertIntermediateSize = expertIntermediate.Value,
            SharedExperts = shared ?? 0,
            SharedExpertIntermediateSize = sharedIntermediate ?? 0,
            SharedExpertGate = sharedGate ?? false,
            RouterBias = routerBias ?? false,
            FirstDenseLayers = firstDense ?? 0,
        };
    }

    private static MlaSpec? ReadMla(YamlMappingReader root)
    {
        var r = root.Mapping("mla");
        if (r is null)
        {
            return null;
        }

        var qLora = r.Int("qLoraRank", min: 1);
        var kvLora = r.Int("kvLoraRank", required: true, min: 1);
        var nope = r.Int("qkNopeHeadDim", required: true, min: 1);
        var rope = r.Int("qkRopeHeadDim", required: true, min: 1);
        var v = r.Int("vHeadDim", required: true, min: 1);
        r.Complete();
        if (kvLora is null || nope is null || rope is null || v is null)
        {
            return null;
        }

        return new MlaSpec { QLoraRank = qLora, KvLoraRank = kvLora.Value, QkNopeHeadDim = nope.Value, QkRopeHeadDim = rope.Value, VHeadDim = v.Value };
    }
}
