using PerfGate.Catalog;
using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>Per-card sizes of one request, derived once (internal).</summary>
internal sealed class ModelGeometry
{
    public ModelGeometry(DecodeRequest request)
    {
        var m = request.Model;
        var p = request.Parallelism;
        Tp = p.Tp;
        Dp = p.Dp;
        Ep = p.Ep;
        Hidden = m.HiddenSize;
        HeadDim = m.HeadDim;
        QueryHeads = m.AttentionHeads / Tp;
        KvHeads = Math.Max(1, m.KeyValueHeads / Tp);
        DenseIntermediate = m.IntermediateSize / Tp;
        Vocab = m.VocabSize;
        VocabPerCard = (m.VocabSize + Tp - 1) / Tp;
        Layers = m.Layers;
        Mla = m.Mla;
        QkvBias = m.QkvBias;
        Profile = request.Implementation;
        QkNorm = m.QkNorm;
        TiedEmbeddings = m.TiedEmbeddings;
        NonExpertType = request.Dtypes.EffectiveNonExpertWeights;
        ExpertType = request.Dtypes.Weights;
        NonExpertBytes = NonExpertType.BytesPerElement();
        ExpertBytes = ExpertType.BytesPerElement();
        KvBytes = request.Dtypes.Kv.BytesPerElement();
        ActBytes = request.Dtypes.Activations.BytesPerElement();
        if (m.Moe is { } moe)
        {
            Moe = moe;
            MoeLayers = m.Layers - moe.FirstDenseLayers;
            DenseLayers = moe.FirstDenseLayers;
            var cards = Tp * Dp;
            ExpertTp = Math.Max(1, cards / Math.Max(1, Ep));
            ExpertsPerCard = (moe.RoutedExperts + Ep - 1) / Ep;
            ExpertReplicas = Math.Max(1.0, (double)Ep * ExpertsPerCard / moe.RoutedExperts);
            ExpertIntermediate = moe.ExpertIntermediateSize / ExpertTp;
            var shared = moe.SharedExpertIntermediateSize > 0 ? moe.SharedExpertIntermediateSize : moe.SharedExperts * moe.ExpertIntermediateSize;
            SharedIntermediate = shared / Tp;
        }
        else
        {
            DenseLayers = m.Layers;
        }

        KvElementsPerTokenPerLayer = Mla is { } mla ? mla.CachedElementsPerToken : 2L * KvHeads * HeadDim;
    }

    public int Tp { get; }
    public int Dp { get; }
    public int Ep { get; }
    public int Hidden { get; }
    public int HeadDim { get; }
    public int QueryHeads { get; }
    public int KvHeads { get; }
    public int DenseIntermediate { get; }
    public int Vocab { get; }
    public int VocabPerCard { get; }
    public int Layers { get; }
    public int MoeLayers { get; }
    public int DenseLayers { get; }
    public MlaSpec? Mla { get; }
    public bool QkvBias { get; }

    /// <summary>The implementation whose fusions decide the small kernels.</summary>
    public Implementations.ImplementationProfile Profile { get; }
    /// <summary>Qwen3's per-head q_norm and k_norm (head_dim weights each, whole on every rank).</summary>
    public bool QkNorm { get; }
    public bool TiedEmbeddings { get; }
    public MoeSpec? Moe { get; }
    public int ExpertTp { get; }
    public int ExpertsPerCard { get; }
    public double ExpertReplicas { get; }
    public int ExpertIntermediate { get; }
    public int SharedIntermediate { get; }
    public DataType NonExpertType { get; }
    public DataType ExpertType { get; }
    public double NonExpertBytes { get; }
    public double ExpertBytes { get; }
    public double KvBytes { get; }
    public double ActBytes { get; }
    public long KvElementsPerTokenPerLayer { get; }

    /// <summary>
    /// The weights held on the card, once computed (they depend on the geometry only): set by the estimator when it
    /// does not build the whole operator list (seed 002's layer rule), so the search computes them once per
    /// configuration. Not thread-safe; a geometry belongs to one request or one search configuration.
    /// </summary>
    public double? ResidentWeightBytes { get; set; }

    /// <summary>
    /// Expected number of this card's experts that at least one of <paramref name="groupTokens"/> tokens
    /// (all DP ranks' tokens, each choosing top-k of E experts uniformly) is routed to:
    /// experts per card x (1 - (1 - k/E)^(tokens / replicas)).
    /// </summary>
    public double ExpectedExpertsHit(double groupTokens)
    {
        var moe = Moe!;
        var miss = Math.Pow(1.0 - ((double)moe.ExpertsPerToken / moe.RoutedExperts), groupTokens / ExpertReplicas);
        return ExpertsPerCard * (1.0 - miss);
    }
}
