namespace PerfGate.Estimation;

/// <summary>How the layers of a model are added up into a step.</summary>
public enum LayerTreatment
{
    /// <summary>
    /// Every layer as built: leading dense layers of MoE models are dense layers, plus the per-step
    /// operators (embedding, final norm, lm_head, sampling) and the element-wise kernels.
    /// </summary>
    AsBuilt,

    /// <summary>
    /// Seed 002's rule: the time of one sparse (MoE) layer times all layers (61 for DeepSeek-V3); no
    /// per-step operators and only the operators the seed models (GEMMs, attention core, dispatch/combine).
    /// </summary>
    SeedSparseTimesAllLayers,
}
