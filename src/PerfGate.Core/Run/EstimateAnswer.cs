using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Prefill;

namespace PerfGate.Run;

/// <summary>
/// The answer to an <see cref="EstimateRun"/>: the decode step (null when the input was unusable or the estimator refused
/// it), the prefill when one was asked for, and the diagnostics to show.
/// </summary>
public sealed record EstimateAnswer(DecodeEstimate? Decode, PrefillEstimate? Prefill, IReadOnlyList<Diagnostic> Diagnostics);
