namespace PerfGate.Catalog;

/// <summary>The intra-node interconnect between accelerators.</summary>
public enum LinkKind
{
    NvLink,
    Hccs,
    Pcie,

    /// <summary>AMD Infinity Fabric (MI300X, MI325X: seven links to the other GPUs of an 8-GPU node).</summary>
    InfinityFabric,
}
