using PerfGate.Estimation;

namespace PerfGate.Prefill;

/// <summary>The spellings of prefill settings in YAML, on the command line and in reports.</summary>
public static class PrefillSpellings
{
    public static IReadOnlyList<KeyValuePair<string, KvLoadOverlap>> Overlaps { get; } =
    [
        new("serial", KvLoadOverlap.Serial),
        new("layer-wise", KvLoadOverlap.LayerWise),
    ];

    public static string Id(KvLoadOverlap overlap) => Overlaps.First(o => o.Value == overlap).Key;

    public static string Id(OperatorScope scope) => scope switch
    {
        OperatorScope.DenseLayer => "dense-layer",
        OperatorScope.MoeLayer => "moe-layer",
        OperatorScope.Model => "model",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };
}
