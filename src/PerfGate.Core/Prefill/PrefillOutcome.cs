using PerfGate.Diagnostics;

namespace PerfGate.Prefill;

/// <summary>The estimate (null when the request has errors) and every diagnostic about the request.</summary>
public sealed record PrefillOutcome(PrefillEstimate? Estimate, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
