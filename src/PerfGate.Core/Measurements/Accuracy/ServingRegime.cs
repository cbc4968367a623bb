namespace PerfGate.Measurements.Accuracy;

/// <summary>Whether the serving-load model describes a load point, and how far.</summary>
public enum ServingRegime
{
    /// <summary>A steady state: every figure is estimated and counts in the MAPE.</summary>
    Holds,

    /// <summary>
    /// The server runs full (every request at once, or more clients than sequences fit): ITL and output tokens/s are
    /// those of the full batch, TTFT includes a queue whose length depends on the benchmark, so it is not estimated and
    /// the row is left out of the MAPE.
    /// </summary>
    Saturated,

    /// <summary>
    /// An offered rate the server cannot carry (the prefills alone need all of its time, or the decode batch would
    /// exceed the sequences that fit): the queue grows for as long as the benchmark runs, so there is no steady
    /// state to estimate and no number is given.
    /// </summary>
    DoesNotHold,
}
