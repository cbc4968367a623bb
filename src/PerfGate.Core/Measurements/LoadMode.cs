namespace PerfGate.Measurements;

/// <summary>How the benchmark offered load: the four shapes every tool's sweep is made of.</summary>
public enum LoadMode
{
    /// <summary>One request at a time (GuideLLM "synchronous", a concurrency of 1).</summary>
    Synchronous,

    /// <summary>Requests arrive at a fixed rate (GuideLLM "constant"/"poisson", vLLM/SGLang <c>--request-rate</c>).</summary>
    Asynchronous,

    /// <summary>Every request at once, as fast as the server takes them (GuideLLM "throughput", an infinite rate).</summary>
    Throughput,

    /// <summary>A fixed number of requests in flight (GuideLLM "concurrent", <c>--max-concurrency</c>, MindIE Concurrency).</summary>
    Concurrency,
}
