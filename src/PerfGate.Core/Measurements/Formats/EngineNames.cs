namespace PerfGate.Measurements.Formats;

/// <summary>
/// Benchmark clients record the client "backend" they spoke to, which names the serving engine only for some values:
/// "sglang", "vllm", "lmdeploy", "tgi", "trt" (TensorRT-LLM) do; "openai" and "openai-chat" (any OpenAI-compatible
/// server) do not, and leave the engine to the sidecar or the options.
/// </summary>
internal static class EngineNames
{
    private static readonly IReadOnlyList<KeyValuePair<string, string>> Known =
    [
        new("vllm", "vLLM"),
        new("sglang", "SGLang"),
        new("lmdeploy", "lmdeploy"),
        new("tgi", "TGI"),
        new("trt", "TensorRT-LLM"),
        new("tensorrt-llm", "TensorRT-LLM"),
        new("mindie", "MindIE"),
    ];

    public static string? FromBackend(string? backend) =>
        backend is null ? null : Known.FirstOrDefault(k => string.Equals(k.Key, backend.Trim(), StringComparison.OrdinalIgnoreCase)).Value;
}
