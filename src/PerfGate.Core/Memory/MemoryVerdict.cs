namespace PerfGate.Memory;

/// <summary>What the budget says about a card (and, worst over the cards, about the deployment). Ordered by severity.</summary>
public enum MemoryVerdict
{
    /// <summary>Everything fits and the KV blocks hold maxBatchSize worst-case requests.</summary>
    Fits,

    /// <summary>Memory fits, but maxBatchSize is above what the KV blocks hold: requests queue or are preempted.</summary>
    PreemptionRisk,

    /// <summary>The configured sizes add up to more than the card holds: the engine runs out of memory under load.</summary>
    OutOfMemoryRisk,

    /// <summary>The model cannot run at all: weights and fixed costs exceed the card, or no KV block is left for one request.</summary>
    DoesNotFit,

    /// <summary>The configuration is invalid (see the diagnostics); nothing was computed.</summary>
    InvalidConfig,
}
