namespace PerfGate.Catalog;

/// <summary>The architecture families PerfGate models (the <c>family:</c> of a model document).</summary>
public static class ModelFamilies
{
    public const string Llama = "llama";
    public const string Qwen2 = "qwen2";
    public const string Qwen2Moe = "qwen2-moe";
    public const string DeepSeekV2 = "deepseek-v2";
    public const string DeepSeekV3 = "deepseek-v3";

    public static IReadOnlyList<string> All { get; } = [Llama, Qwen2, Qwen2Moe, DeepSeekV2, DeepSeekV3];
}
