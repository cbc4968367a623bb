namespace PerfGate.Scenarios;

/// <summary>
/// A scenario's <c>measured:</c> section: the benchmark report measured on this system (relative to the workspace root, with '/',
/// as the workspace loader resolved and read it) and which of its runs belong to the scenario. A report often holds several systems (seed 001
/// has twelve sweeps): a run belongs when each given field equals what the report (or its sidecar) says, ignoring case,
/// its card count equals the scenario's when the report gives one, and its line is listed when <see cref="Lines"/> is.
/// </summary>
public sealed record MeasuredSettings
{
    public required string Report { get; init; }

    /// <summary>The model as the report writes it ("Qwen2-72B-Instruct"), when it differs from the scenario's catalog id.</summary>
    public string? Model { get; init; }

    /// <summary>The hardware as the report writes it ("A100 80GB").</summary>
    public string? Hardware { get; init; }

    public string? Engine { get; init; }

    /// <summary>The first line of each run to take (the line <c>perfgate measured import</c> shows), when the report's fields cannot tell runs apart.</summary>
    public IReadOnlyList<int>? Lines { get; init; }
}
