namespace PerfGate.Measurements;

/// <summary>The lower-case names of <see cref="LoadMode"/> written in files and reports.</summary>
public static class MeasuredModes
{
    public static string Name(LoadMode mode) => mode switch
    {
        LoadMode.Synchronous => "synchronous",
        LoadMode.Asynchronous => "asynchronous",
        LoadMode.Throughput => "throughput",
        LoadMode.Concurrency => "concurrency",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown load mode"),
    };
}
