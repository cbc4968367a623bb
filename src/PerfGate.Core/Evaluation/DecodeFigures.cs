using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Gate;

namespace PerfGate.Evaluation;

/// <summary>
/// The <c>decode:</c> section through <see cref="DecodeEstimator"/>: step time, tokens per second (per user
/// and per card), the memory view of the decode step, and the breakdown table (one row per operator
/// and scope: instances, time per step, share, bound, efficiency origin).
/// </summary>
internal static class DecodeFigures
{
    public static void Add(EvaluationContext c)
    {
        var problems = new List<Diagnostic>();
        var calibration = Calibration.For(c, c.Hardware, c.Scenario.Decode!.Efficiency, problems, out var from);
        if (problems.Count > 0)
        {
            c.AddInputErrors("decode", problems);
            return;
        }

        // The breakdown rows below read every operator: build them in the timing pass.
        var outcome = DecodeEstimator.Estimate(DecodeRequest.FromScenario(c.Scenario, c.Model, c.Hardware, c.Nic, calibration, from), eagerOperators: true);
        if (outcome.Estimate is not { } e)
        {
            c.AddInputErrors("decode", outcome.Diagnostics);
            return;
        }

        c.AddFindings("decode", outcome.Diagnostics);
        var m = e.Memory;
        c.Builder
            .Number("decode.step_time", e.StepTime.Milliseconds, Units.Ms, MetricDirection.LowerIsBetter)
            .Number("decode.moe_layer_time", e.MoeLayerTime.Microseconds, Units.Us, MetricDirection.LowerIsBetter)
            .Number("decode.dense_layer_time", e.DenseLayerTime.Microseconds, Units.Us, MetricDirection.LowerIsBetter)
            .Number("decode.micro_batches", e.MicroBatches)
            .Number("decode.accepted_tokens_per_step", e.AcceptedTokensPerStep)
            .Number("decode.raw_tokens_per_second", e.RawTokensPerSecond, Units.TokensPerSecond, MetricDirection.HigherIsBetter)
            .Number("decode.user_tokens_per_second", e.UserTokensPerSecond, Units.TokensPerSecond, MetricDirection.HigherIsBetter)
            .Number(WellKnownMetrics.ThroughputPerCard, e.ThroughputPerCard, Units.TokensPerSecond, MetricDirection.HigherIsBetter)
            .Add(new Metric("decode.fits", SnapshotValue.Of(e.Fits), string.Empty, MetricDirection.HigherIsBetter))
            .Number("decode.memory.capacity", Units.InGiB(m.Capacity), Units.GiB)
            .Number("decode.memory.weights_per_card", Units.InGiB(m.WeightBytesPerCard), Units.GiB, MetricDirection.LowerIsBetter)
            .Number("decode.memory.kv_per_token", Units.InKiB(m.KvBytesPerToken), Units.KiB, MetricDirection.LowerIsBetter)
            .Number("decode.memory.kv_per_sequence", Units.InGiB(m.KvBytesPerSequence), Units.GiB, MetricDirection.LowerIsBetter)
            .Number("decode.memory.kv_at_batch", Units.InGiB(m.KvBytesAtBatch), Units.GiB)
            .Number("decode.memory.max_batch", m.MaxBatch, string.Empty, MetricDirection.HigherIsBetter);

        var rows = new List<SnapshotRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in e.Breakdown())
        {
            var key = OperatorRowKeys.GetOrAdd((b.Scope, b.Name), static k => RowKey($"{Scope(k.Scope)}/{k.Name}"));
            for (var n = 2; !seen.Add(key); n++)
            {
                key = RowKey(string.Create(CultureInfo.InvariantCulture, $"{Scope(b.Scope)}/{b.Name}_{n}"));
            }

            // An array, not a collection expression (which wraps its array in a read-only list): rows live until the run ends.
            rows.Add(new SnapshotRow(key, new[]
            {
                SnapshotValue.Of(b.Instances),
                c.Builder.Cell("decode.breakdown", key, "time", b.Time.Microseconds),
                c.Builder.Cell("decode.breakdown", key, "share", b.Share * 100),
                SnapshotValue.Of(b.Bound.ToId()),
                SnapshotValue.Of(b.Origin.Describe(from)),
            }));
        }

        c.Builder.Table(new SnapshotTable(
            "decode.breakdown",
            BreakdownColumns,
            rows));
    }

    /// <summary>
    /// The row key of each (scope, operator name), built once per run: the operators of every decode estimate are named
    /// from a fixed set, and each scenario's breakdown then shares these strings instead of concatenating its own.
    /// </summary>
    private static readonly Threading.BoundedMemo<(OperatorScope Scope, string Name), string> OperatorRowKeys = new(4096);

    /// <summary>The breakdown's columns (immutable records): one list that every scenario's table holds.</summary>
    private static readonly SnapshotColumn[] BreakdownColumns =
    [
        new("instances"),
        new("time", Units.Us, MetricDirection.LowerIsBetter),
        new("share", Units.Percent),
        new("bound"),
        new("origin"),
    ];

    private static string Scope(OperatorScope scope) => scope switch
    {
        OperatorScope.DenseLayer => "dense",
        OperatorScope.MoeLayer => "moe",
        _ => "model",
    };

    /// <summary>Operator names are free text; a row key keeps letters, digits and _ - . / : + @ and turns the rest into '_'.</summary>
    internal static string RowKey(string text)
    {
        // Most keys are valid already: then the text itself, without a copy.
        var bad = text.AsSpan().IndexOfAnyExcept(RowKeyChars);
        return bad < 0 ? text : string.Create(text.Length, text, static (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = RowKeyChars.Contains(t[i]) ? t[i] : '_';
            }
        });
    }

    /// <summary>What a row key keeps; any other character becomes '_'.</summary>
    private static readonly System.Buffers.SearchValues<char> RowKeyChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./:+@");
}
