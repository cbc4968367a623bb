using PerfGate.Catalog;

namespace PerfGate.Tests.Memory;

/// <summary>The built-in catalog's models and cards used by the memory tests.</summary>
internal static class MemoryFixtures
{
    private static CatalogSet Catalog => BuiltInCatalog.Load();

    /// <summary>QwQ-32B (Qwen2 architecture): 64 layers, hidden 5120, 40 heads, 8 KV heads, intermediate 27648, vocab 152064.</summary>
    public static ModelSpec QwQ32B => Catalog.Models["qwq-32b"];

    /// <summary>Qwen2.5-72B has Qwen2-72B's shape (80 layers, hidden 8192, 64 heads, 8 KV heads, intermediate 29568, vocab 152064).</summary>
    public static ModelSpec Qwen25_72B => Catalog.Models["qwen2-72b"] with { Id = "qwen2.5-72b" };

    /// <summary>Llama-3-8B: 32 layers, hidden 4096, 32 heads, 8 KV heads, intermediate 14336, vocab 128256.</summary>
    public static ModelSpec Llama3_8B => Catalog.Models["llama-3-8b"];

    /// <summary>DeepSeek-V3: MLA (q_lora 1536, kv_lora 512, rope 64), 256 routed experts + 1 shared, first 3 layers dense, one MTP module.</summary>
    public static ModelSpec DeepSeekV3 => Catalog.Models["deepseek-v3"];

    /// <summary>Ascend 910B3: 65,536 MiB; 3,357 MiB used at rest (seed 003's largest idle npu-smi reading).</summary>
    public static HardwareSpec Ascend910B3 => Catalog.Hardware["ascend-910b3"];

    /// <summary>H100 SXM: 81,559 MiB, no system reserve in the catalog.</summary>
    public static HardwareSpec H100 => Catalog.Hardware["h100-sxm"];
}
