using System.Text.Json;
using PerfGate.Diagnostics;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Estimation;

/// <summary>
/// The JSON form of a decode estimate (<c>perfgate estimate --json</c>; snapshots): request, <c>decode</c>
/// (step time, tokens per second, breakdown per operator), <c>memory</c> and diagnostics. Numbers are
/// invariant; property order is fixed.
/// </summary>
public static class DecodeEstimateJson
{
    /// <remarks><paramref name="sections"/> writes further top-level objects (e.g. <c>prefill</c>) before the diagnostics.</remarks>
    public static void Write(Utf8JsonWriter json, DecodeEstimate estimate, IReadOnlyList<Diagnostic> diagnostics, Action<Utf8JsonWriter>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var r = estimate.Request;
        json.WriteStartObject();
        json.WriteString("model", r.Model.Id);
        json.WriteString("hardware", r.Hardware.Id);
        json.WriteString("nic", r.Nic?.Id);
        json.WriteStartObject("parallelism");
        json.WriteNumber("tp", r.Parallelism.Tp);
        json.WriteNumber("ep", r.Parallelism.Ep);
        json.WriteNumber("dp", r.Parallelism.Dp);
        json.WriteNumber("cards", r.Cards);
        json.WriteEndObject();
        json.WriteStartObject("dtypes");
        json.WriteString("weights", r.Dtypes.Weights.ToId());
        json.WriteString("nonExpertWeights", r.Dtypes.EffectiveNonExpertWeights.ToId());
        json.WriteString("kv", r.Dtypes.Kv.ToId());
        json.WriteString("activations", r.Dtypes.Activations.ToId());
        json.WriteEndObject();
        json.WriteNumber("batch", r.Batch);
        json.WriteNumber("context", r.Context);
        json.WriteNumber("mtp", r.Mtp);
        json.WriteNumber("mtpAcceptance", r.MtpAcceptance);
        json.WriteString("pipeline", r.Pipeline == PipelineKind.DualMicroBatch ? "dual-micro-batch" : "naive");
        json.WriteString("efficiency", r.Efficiency.ToId());
        json.WriteString("layers", r.Layers.ToId());
        json.WriteString("implementation", r.Implementation.Id);

        json.WriteStartObject("decode");
        json.WriteNumber("stepMs", Round(estimate.StepTime.Milliseconds));
        json.WriteNumber("moeLayerUs", Round(estimate.MoeLayerTime.Microseconds));
        json.WriteNumber("denseLayerUs", Round(estimate.DenseLayerTime.Microseconds));
        json.WriteNumber("microBatches", estimate.MicroBatches);
        json.WriteNumber("rawTokensPerSecond", Round(estimate.RawTokensPerSecond));
        json.WriteNumber("acceptedTokensPerStep", Round(estimate.AcceptedTokensPerStep));
        json.WriteNumber("userTokensPerSecond", Round(estimate.UserTokensPerSecond));
        json.WriteNumber("throughputPerCard", Round(estimate.ThroughputPerCard));
        json.WriteStartArray("breakdown");
        var breakdown = estimate.Breakdown();
        for (var i = 0; i < breakdown.Count; i++)
        {
            var b = breakdown[i];
            var op = estimate.Operators[i];
            json.WriteStartObject();
            json.WriteString("name", op.Name);
            json.WriteString("scope", Id(op.Scope));
            json.WriteString("kind", op.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("instances", op.Instances);
            if (op.Kind is OperatorKind.Gemm or OperatorKind.ExpertGemm)
            {
                json.WriteNumber("m", op.M);
                json.WriteNumber("n", op.N);
                json.WriteNumber("k", op.K);
            }

            json.WriteNumber("flops", Math.Round(op.Flops));
            json.WriteNumber("bytes", Math.Round(op.Bytes));
            json.WriteNumber("weightBytes", Math.Round(op.WeightBytes));
            json.WriteNumber("timeUs", Round(op.Time.Microseconds));
            json.WriteNumber("stepUs", Round(b.Time.Microseconds));
            json.WriteNumber("share", Round(b.Share));
            json.WriteString("bound", op.Bound.ToId());
            json.WriteNumber("efficiency", Round(op.Efficiency));
            json.WriteString("source", op.Origin.Describe(estimate.Request.CalibrationFrom));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();

        var m = estimate.Memory;
        json.WriteStartObject("memory");
        json.WriteNumber("capacityBytes", m.Capacity.Value);
        json.WriteNumber("weightBytesPerCard", m.WeightBytesPerCard.Value);
        json.WriteNumber("kvBytesPerToken", m.KvBytesPerToken.Value);
        json.WriteNumber("kvBytesPerSequence", m.KvBytesPerSequence.Value);
        json.WriteNumber("kvBytesAtBatch", m.KvBytesAtBatch.Value);
        if (m.LimitsBatch)
        {
            json.WriteNumber("maxBatch", m.MaxBatch);
        }
        else
        {
            json.WriteNull("maxBatch");
        }
        json.WriteBoolean("fits", estimate.Fits);
        json.WriteEndObject();

        sections?.Invoke(json);
        json.WriteStartArray("diagnostics");
        foreach (var d in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("id", d.Id);
            json.WriteString("severity", d.Severity.ToId());
            json.WriteString("message", d.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string Id(OperatorScope scope) => scope switch
    {
        OperatorScope.DenseLayer => "dense-layer",
        OperatorScope.MoeLayer => "moe-layer",
        _ => "model",
    };

    // Six significant figures: stable snapshots, far below the model's own error.
    private static double Round(double v) => v == 0 || !double.IsFinite(v) ? 0 : Math.Round(v, Math.Clamp(5 - (int)Math.Floor(Math.Log10(Math.Abs(v))), 0, 15));
}
