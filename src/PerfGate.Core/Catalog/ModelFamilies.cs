namespace PerfGate.Catalog;

/// <summary>The architecture families PerfGate models (the <c>family:</c> of a model document).</summary>
public static class ModelFamilies
{
    public const string Llama = "llama";
    public const string Qwen2 = "qwen2";
    public const string Qwen2Moe = "qwen2-moe";
    public const string DeepSeekV2 = "deepseek-v2";
    public const string DeepSeekV3 = "deepseek-v3";
    public const string Qwen3 = "qwen3";
    public const string Qwen3Moe = "qwen3-moe";

    public static IReadOnlyList<string> All { get; } = [Llama, Qwen2, Qwen2Moe, Qwen3, Qwen3Moe, DeepSeekV2, DeepSeekV3];
}
