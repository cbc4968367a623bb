using PerfGate.Estimation;
using PerfGate.Quantities;

namespace PerfGate.Prefill;

/// <summary>
/// One operator of a prefill, summed over the layers it runs in and every step of the request's prefill
/// (<see cref="Time"/>), with the FLOPs and bytes of that total, what bounds it and where its efficiency came from.
/// </summary>
public sealed record PrefillOperator(
    string Name,
    OperatorKind Kind,
    OperatorScope Scope,
    double Flops,
    double Bytes,
    Duration Time,
    Bound Bound,
    string Origin);
