using System.Collections;

namespace PerfGate.Estimation;

/// <summary>
/// An estimate's operator list, computed on first read (internal): the step time, the rates and the memory do not
/// need it, and building 20 to 50 operator records costs about a third of an estimate. The first read runs the
/// estimator again on the same immutable request with a fresh geometry and timing context, so the list is the one
/// an eager estimate gives, bit for bit; readers on several threads may each compute it, and all see the one
/// stored first.
/// </summary>
internal sealed class LazyOperatorList(DecodeRequest request) : IReadOnlyList<OperatorEstimate>
{
    private IReadOnlyList<OperatorEstimate>? _operators;

    public int Count => Operators.Count;

    public OperatorEstimate this[int index] => Operators[index];

    public IEnumerator<OperatorEstimate> GetEnumerator() => Operators.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IReadOnlyList<OperatorEstimate> Operators => Volatile.Read(ref _operators) ?? Compute();

    private IReadOnlyList<OperatorEstimate> Compute()
    {
        var operators = DecodeEstimator.Compute(request, eagerOperators: true).Operators;
        return Interlocked.CompareExchange(ref _operators, operators, null) ?? operators;
    }
}
