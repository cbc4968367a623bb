namespace PerfGate.Measurements;

/// <summary>
/// How a rate run spaced its requests, as the benchmark tool documents it. The serving-load model's wait for the
/// prefill differs: evenly spaced arrivals never queue behind each other below saturation, Poisson arrivals do.
/// </summary>
public enum ArrivalProcess
{
    /// <summary>Evenly spaced, 1/λ apart (GuideLLM "constant", the default strategy of its sweep).</summary>
    Constant,

    /// <summary>Exponential gaps of mean 1/λ (GuideLLM "poisson", vllm bench serve at burstiness 1, SGLang bench_serving).</summary>
    Poisson,
}
