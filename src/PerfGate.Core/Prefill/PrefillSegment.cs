namespace PerfGate.Prefill;

/// <summary>
/// One request's share of a prefill step (internal): <see cref="NewTokens"/> computed this step after
/// <see cref="Prefix"/> tokens already in its KV cache (cached or computed by earlier chunks); <see cref="Finishes"/>
/// when this is its last chunk, so the step computes its logits.
/// </summary>
internal readonly record struct PrefillSegment(int NewTokens, int Prefix, bool Finishes);
