using PerfGate.Diagnostics;

namespace PerfGate.Estimation;

/// <summary>
/// An estimate and what was found on the way. <see cref="Estimate"/> is null when an error made the
/// request impossible to estimate (e.g. TP not dividing the heads); a batch that does not fit still
/// gets an estimate, flagged by an error diagnostic (<c>PG3002</c>) and <see cref="DecodeEstimate.Fits"/>.
/// </summary>
public sealed record DecodeOutcome(DecodeEstimate? Estimate, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.Severity == Severity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
