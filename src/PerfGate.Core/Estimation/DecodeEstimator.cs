using PerfGate.Diagnostics;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Estimation;

/// <summary>
/// The decode-step estimator: an operator list per layer from the architecture and the parallelism, each
/// operator timed by the request's efficiency source, added up by the pipeline. Pure and thread-safe.
/// </summary>
public static partial class DecodeEstimator
{
    /// <summary>
    /// Validates and estimates. See <see cref="DecodeOutcome"/> for how problems are reported. The estimate's
    /// operator list is computed on first read (<see cref="LazyOperatorList"/>).
    /// </summary>
    public static DecodeOutcome Estimate(DecodeRequest request) => Estimate(request, eagerOperators: false);

    /// <summary>
    /// <see cref="Estimate(DecodeRequest)"/> for a caller that reads every operator (the check's breakdown, the
    /// estimate command's table): with <paramref name="eagerOperators"/> the records are built in the timing pass
    /// instead of by a second pass on first read.
    /// </summary>
    internal static DecodeOutcome Estimate(DecodeRequest request, bool eagerOperators)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = Validate(request);
        foreach (var d in diagnostics)
        {
            if (d.Severity == Severity.Error)
            {
                return new DecodeOutcome(null, diagnostics);
            }
        }

        var estimate = Compute(request, eagerOperators);
        if (!estimate.Fits)
        {
            var list = diagnostics.ToList();
            list.Add(DoesNotFit(request, estimate.Memory));
            diagnostics = list;
        }

        return new DecodeOutcome(estimate, diagnostics);
    }

    /// <summary>
    /// Estimates a request that <see cref="Validate"/> accepted (the search calls this in its inner loop).
    /// Without <paramref name="eagerOperators"/> the operator list is computed on first read (<see cref="LazyOperatorList"/>):
    /// most callers read only the step time, the rates and the memory.
    /// </summary>
    internal static DecodeEstimate Compute(DecodeRequest request, bool eagerOperators) =>
        Compute(request, new ModelGeometry(request), new TimingContext(request), eagerOperators);

    /// <summary>
    /// <see cref="Compute(DecodeRequest, bool)"/> with the geometry and hardware figures already derived from a request
    /// that differs from <paramref name="request"/> at most in its batch (neither reads the batch): the search derives
    /// them once per configuration and varies the batch.
    /// </summary>
    internal static DecodeEstimate Compute(DecodeRequest request, ModelGeometry g, TimingContext c, bool eagerOperators)
    {
        var q = request.QueryLength;
        var batch = request.Batch;
        var seedLayers = request.Layers == LayerTreatment.SeedSparseTimesAllLayers;
        var dual = request.Pipeline == PipelineKind.DualMicroBatch && g.Moe is not null && g.Ep > 1 && g.MoeLayers > 0;
        var microBatches = dual ? 2 : 1;
        var moeBatch = dual ? (batch + 1) / 2 : batch;
        var fp8Attention = request.Dtypes.Kv == DataType.Fp8 && g.NonExpertType == DataType.Fp8;

        // Seed 002's naive pipeline, as its tables show it: MTP's extra query rows reach the attention core and
        // the dispatch/combine but not the projections and experts (README, "Seed 002 reproduction").
        var gemmQ = seedLayers && !dual ? 1 : q;

        // The seed's layer rule times only the MoE layer's GEMMs, attention and communication, so the dense layers
        // and the head are not built; the weights (which no batch changes) come from the whole list, built once per
        // geometry, before this estimate rents the thread's operator buffer (building that list rents it too).
        var seedWeights = seedLayers ? g.ResidentWeightBytes ??= ResidentWeights(g) : 0;
        var ops = OpBuffer.Rent();
        try
        {
            Build(ops, g, batch, moeBatch, q, gemmQ, request.Context, fp8Attention, c.EpOverNic, seedExpertRows: seedLayers, moeLayerOnly: seedLayers);
            // Without the seed rule every operator is timed, in list order: the weights are summed in the same pass.
            var weights = seedWeights;

            var results = eagerOperators ? new OperatorEstimate[ops.Count] : null;
            var timedCount = 0;
            double moeAll = 0, projections = 0, core = 0, experts = 0, dispatch = 0, combine = 0, dense = 0, head = 0;
            for (var i = 0; i < ops.Count; i++)
            {
                ref var op = ref ops[i];
                if (seedLayers)
                {
                    if (op.Scope != OperatorScope.MoeLayer || op.Kind is OperatorKind.Elementwise or OperatorKind.AllReduce)
                    {
                        continue;
                    }

                    op.Instances = g.Layers;
                }
                else
                {
                    weights += op.ResidentWeightBytes * op.Instances;
                }

                var s = OperatorTimer.Seconds(ref op, c, out var roofline, out var bound, out var origin);
                if (results is not null)
                {
                    results[timedCount++] = OperatorTimer.Estimate(ref op, s, roofline, bound, origin);
                }

                switch (op.Scope)
                {
                    case OperatorScope.MoeLayer:
                        moeAll += s;
                        switch (op.Stage)
                        {
                            case MicroBatchStage.Dispatch: dispatch += s; break;
                            case MicroBatchStage.Combine: combine += s; break;
                            case MicroBatchStage.Experts: experts += s; break;
                            case MicroBatchStage.AttentionCore: core += s; break;
                            default: projections += s; break;
                        }

                        break;
                    case OperatorScope.DenseLayer:
                        dense += s;
                        break;
                    default:
                        head += s;
                        break;
                }
            }

            // Dual micro-batch (seed 002: critical path of one micro-batch x micro-batches): the other
            // micro-batch's dispatch hides under the attention projections, its combine under the attention
            // core; the experts are not overlapped (the split that reproduces the seed's tables, see README).
            var moeLayer = dual ? microBatches * (Math.Max(projections, dispatch) + Math.Max(core, combine) + experts) : moeAll;
            // Host time per step (scheduling, sampling bookkeeping) adds once; zero unless published or set.
            var step = seedLayers
                ? moeLayer * g.Layers
                : (moeLayer * g.MoeLayers) + (dense * g.DenseLayers) + head + c.HostOverhead;

            if (results is not null && timedCount < results.Length)
            {
                Array.Resize(ref results, timedCount);
            }

            var memory = Memory(request, g, weights);
            return new DecodeEstimate(
                request,
                results ?? (IReadOnlyList<OperatorEstimate>)new LazyOperatorList(request),
                Duration.FromSeconds(step),
                Duration.FromSeconds(moeLayer),
                Duration.FromSeconds(dense),
                microBatches,
                MtpMath.AcceptedTokens(request.Mtp, request.MtpAcceptance),
                memory);
        }
        finally
        {
            OpBuffer.Return(ops);
        }
    }

    /// <summary>
    /// The operators of one step, in a fixed order: the MoE layer's attention and experts (at
    /// <paramref name="moeBatch"/> sequences per micro-batch), the dense layer's attention and MLP, the head.
    /// <paramref name="moeLayerOnly"/> stops after the MoE layer.
    /// </summary>
    private static void Build(OpBuffer ops, ModelGeometry g, int batch, int moeBatch, int q, int gemmQ, int context, bool fp8Attention, bool epOverNic, bool seedExpertRows, bool moeLayerOnly)
    {
        if (g.Moe is not null && g.MoeLayers > 0)
        {
            OperatorListBuilder.Attention(ops, g, OperatorScope.MoeLayer, g.MoeLayers, moeBatch, q, gemmQ, context, fp8Attention);
            OperatorListBuilder.Moe(ops, g, OperatorScope.MoeLayer, g.MoeLayers, (long)moeBatch * q, (long)moeBatch * gemmQ, epOverNic, seedExpertRows);
        }

        if (moeLayerOnly)
        {
            return;
        }

        if (g.DenseLayers > 0)
        {
            OperatorListBuilder.Attention(ops, g, OperatorScope.DenseLayer, g.DenseLayers, batch, q, q, context, fp8Attention);
            OperatorListBuilder.DenseMlp(ops, g, OperatorScope.DenseLayer, g.DenseLayers, (long)batch * q);
        }

        OperatorListBuilder.Head(ops, g, g.TiedEmbeddings, (long)batch * q);
    }

    /// <summary>The weights held on the card: every operator's resident weights times its instances, in list order.</summary>
    private static double ResidentWeights(OpBuffer ops)
    {
        var weights = 0.0;
        for (var i = 0; i < ops.Count; i++)
        {
            weights += ops[i].ResidentWeightBytes * ops[i].Instances;
        }

        return weights;
    }

    /// <summary>
    /// <see cref="ResidentWeights(OpBuffer)"/> of the whole list, built at one sequence: no operator's resident weights
    /// depend on the batch, the query length or the context, so this is the sum any request on this geometry gets.
    /// </summary>
    private static double ResidentWeights(ModelGeometry g)
    {
        var ops = OpBuffer.Rent();
        try
        {
            Build(ops, g, batch: 1, moeBatch: 1, q: 1, gemmQ: 1, context: 0, fp8Attention: false, epOverNic: false, seedExpertRows: true, moeLayerOnly: false);
            return ResidentWeights(ops);
        }
        finally
        {
            OpBuffer.Return(ops);
        }
    }

    private static DecodeMemory Memory(DecodeRequest request, ModelGeometry g, double weights)
    {
        var hw = request.Hardware;
        var capacity = hw.Memory - hw.SystemReservedMemory;
        var kvPerToken = (long)Math.Ceiling(g.Layers * g.KvElementsPerTokenPerLayer * g.KvBytes);
        var kvPerSequence = kvPerToken * (long)request.Context;
        var weightBytes = (long)Math.Ceiling(weights);
        var free = capacity.Value - weightBytes;
        int maxBatch;
        if (free < 0)
        {
            maxBatch = 0;
        }
        else if (kvPerSequence == 0)
        {
            maxBatch = int.MaxValue;
        }
        else
        {
            maxBatch = (int)Math.Min(int.MaxValue, free / kvPerSequence);
        }

        return new DecodeMemory(capacity, new Bytes(weightBytes), new Bytes(kvPerToken), new Bytes(kvPerSequence), new Bytes(kvPerSequence * request.Batch), maxBatch);
    }
}
