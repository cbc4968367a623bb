namespace PerfGate.Catalog;

/// <summary>The intra-node interconnect between accelerators.</summary>
public enum LinkKind
{
    NvLink,
    Hccs,
    Pcie,
}
