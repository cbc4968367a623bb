using PerfGate.Estimation;
using PerfGate.Quantities;

namespace PerfGate.Prefill;

/// <summary>Operator times summed over the steps of one prefill, in first-seen order (internal).</summary>
internal sealed class PrefillOperatorTotals
{
    private readonly List<(string Name, OperatorKind Kind, OperatorScope Scope, double Flops, double Bytes, double Seconds, Bound Bound, string Origin)> _rows = [];
    private readonly Dictionary<(string, OperatorScope), int> _index = [];

    public void Add(string name, OperatorKind kind, OperatorScope scope, double flops, double bytes, double seconds, Bound bound, string origin)
    {
        if (_index.TryGetValue((name, scope), out var i))
        {
            var r = _rows[i];
            // The bound and origin of the step that costs most stand for the total.
            var (b, o) = seconds > r.Seconds ? (bound, origin) : (r.Bound, r.Origin);
            _rows[i] = (name, kind, scope, r.Flops + flops, r.Bytes + bytes, r.Seconds + seconds, b, o);
            return;
        }

        _index[(name, scope)] = _rows.Count;
        _rows.Add((name, kind, scope, flops, bytes, seconds, bound, origin));
    }

    public IReadOnlyList<PrefillOperator> ToList() =>
        _rows.Select(r => new PrefillOperator(r.Name, r.Kind, r.Scope, r.Flops, r.Bytes, Duration.FromSeconds(r.Seconds), r.Bound, r.Origin)).ToList();
}
