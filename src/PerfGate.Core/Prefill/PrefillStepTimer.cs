using System.Runtime.InteropServices;
using PerfGate.Estimation;
using PerfGate.Quantities;

namespace PerfGate.Prefill;

/// <summary>
/// Times one prefill step (internal): the decode step's operator list (<see cref="OperatorListBuilder"/>) built at
/// M = the step's tokens, each operator timed by the same <see cref="OperatorTimer"/> and efficiency source, except:
/// the attention core is causal flash attention over each request's prefix (<see cref="CausalAttention"/>); MLA runs
/// its prefill form (the cached latents up-projected by kv_b_proj, then attention with q/k head dim 192 and v head dim
/// 128, as vLLM and SGLang prefill DeepSeek-V3) instead of the absorbed decode form; lm_head and sampling see one row
/// per prompt the step finishes.
/// </summary>
internal sealed class PrefillStepTimer
{
    // Operator names the decode builder gives the absorbed-MLA GEMMs (OperatorListBuilder.Attention).
    private const string QAbsorb = "q_absorb";
    private const string VAbsorb = "v_absorb";

    private readonly ModelGeometry _g;
    private readonly TimingContext _c;
    // Step times by the step's segments; looked up by the scheduler's own list, copied only when a new step is stored.
    private readonly Dictionary<PrefillSegment[], double> _cache = new(SegmentsComparer.Instance);
    private readonly Dictionary<PrefillSegment[], double>.AlternateLookup<ReadOnlySpan<PrefillSegment>> _lookup;

    public PrefillStepTimer(DecodeRequest deployment)
    {
        _g = new ModelGeometry(deployment);
        _c = new TimingContext(deployment);
        Hardware = deployment.Hardware;
        _lookup = _cache.GetAlternateLookup<ReadOnlySpan<PrefillSegment>>();
    }

    public Catalog.HardwareSpec Hardware { get; }

    public ModelGeometry Geometry => _g;

    /// <summary>One prompt alone (new tokens, prefix, chunk, token budget) to its TTFT in seconds and its steps (<see cref="PrefillEstimator"/> fills it).</summary>
    public Dictionary<(int NewTokens, int Prefix, int? Chunk, int TokenBudget), (double Seconds, int Steps)> Alone { get; } = [];

    /// <summary>
    /// Seconds of one step; operator totals are added to <paramref name="totals"/> when given (not cached then). A step's
    /// time depends on its segments alone, so one timer serves every request of its deployment.
    /// </summary>
    public double Time(IReadOnlyList<PrefillSegment> segments, PrefillOperatorTotals? totals = null)
    {
        if (totals is not null)
        {
            return Compute(segments, totals);
        }

        ReadOnlySpan<PrefillSegment> key = segments is List<PrefillSegment> list ? CollectionsMarshal.AsSpan(list) : segments.ToArray();
        if (_lookup.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var seconds = Compute(segments, null);
        _lookup[key] = seconds;
        return seconds;
    }

    private double Compute(IReadOnlyList<PrefillSegment> segments, PrefillOperatorTotals? totals)
    {
        long m = 0, context = 0;
        var finishing = 0;
        foreach (var s in segments)
        {
            m += s.NewTokens;
            context += s.Prefix + s.NewTokens;
            finishing += s.Finishes ? 1 : 0;
        }

        if (totals is not null)
        {
            return Walk(m, context, finishing, segments, totals, body: null, head: null);
        }

        // Every operator but the attention core (the segments) and MLA's kv_b_proj (the context) is timed from the step's
        // tokens alone, and the model's head (embedding to sampling, last in the list) from the tokens and the prompts the
        // step finishes: full chunks share those, so the layers' times are kept per step size, the head's per size and
        // prompts finished, and only the two are timed per step. The sum runs over the same operators in the same order
        // as Walk's: the same double.
        if (!_heads.TryGetValue((m, finishing), out var headTerms))
        {
            // The first step of a size records its layers as well; a known size only its head.
            var newBody = _bodies.ContainsKey(m) ? null : new StepShape();
            var head = new List<ShapeTerm>();
            Walk(m, context, finishing, segments, null, newBody, head);
            if (newBody is not null)
            {
                _bodies[m] = newBody;
            }

            headTerms = [.. head];
            _heads[(m, finishing)] = headTerms;
        }

        var body = _bodies[m];

        var total = 0.0;
        CausalAttention.Result? attention = null;
        foreach (ref readonly var term in CollectionsMarshal.AsSpan(body.Terms))
        {
            switch (term.Kind)
            {
                case ShapeTermKind.Timed:
                    total += term.Seconds;
                    break;
                case ShapeTermKind.Attention:
                    attention ??= CausalAttention.Time(_g, _c, segments);
                    total += attention.Value.Seconds * term.Instances;
                    break;
                case ShapeTermKind.KvBProjection:
                    var op = body.Ops[term.Op];
                    total += OperatorTimer.Time(ref KvBProjection(ref op, context), _c).Time.Seconds * op.Instances;
                    break;
                default:
                    throw new InvalidOperationException($"unknown step term {term.Kind}");
            }
        }

        foreach (var term in headTerms)
        {
            total += term.Seconds;
        }

        return total;
    }

    // The layers' operator times by step tokens, and the head's by (step tokens, prompts finished); see Compute.
    private readonly Dictionary<long, StepShape> _bodies = [];
    private readonly Dictionary<(long Tokens, int Finishing), ShapeTerm[]> _heads = [];

    private enum ShapeTermKind : byte
    {
        Timed,
        Attention,
        KvBProjection,
    }

    /// <summary>One operator of a step: its seconds (all instances), or what to time per step (the attention core, kv_b_proj: <see cref="StepShape.Ops"/>[Op]).</summary>
    private readonly record struct ShapeTerm(ShapeTermKind Kind, double Seconds, int Instances, int Op);

    /// <summary>The layers' terms in operator order, and the operators timed per step.</summary>
    private sealed class StepShape
    {
        public List<ShapeTerm> Terms { get; } = [];

        public List<OpSpec> Ops { get; } = new(2);
    }

    /// <summary>
    /// The step's operators, timed and summed (with the breakdown into <paramref name="totals"/> when given); with
    /// <paramref name="head"/>, each term is recorded instead for <see cref="Compute"/> to sum per step: the layers' in
    /// <paramref name="body"/> (left out, with their operators never built, when null), the head's in <paramref name="head"/>.
    /// </summary>
    private double Walk(long m, long context, int finishing, IReadOnlyList<PrefillSegment> segments, PrefillOperatorTotals? totals, StepShape? body, List<ShapeTerm>? head)
    {
        var g = _g;
        var tokens = (int)m;
        var ops = OpBuffer.Rent();
        try
        {
            if (head is null || body is not null)
            {
                if (g.Moe is not null && g.MoeLayers > 0)
                {
                    OperatorListBuilder.Attention(ops, g, OperatorScope.MoeLayer, g.MoeLayers, 1, tokens, tokens, 1, fp8AttentionCompute: false);
                    OperatorListBuilder.Moe(ops, g, OperatorScope.MoeLayer, g.MoeLayers, m, m, _c.EpOverNic, seedExpertRows: false);
                }

                if (g.DenseLayers > 0)
                {
                    OperatorListBuilder.Attention(ops, g, OperatorScope.DenseLayer, g.DenseLayers, 1, tokens, tokens, 1, fp8AttentionCompute: false);
                    OperatorListBuilder.DenseMlp(ops, g, OperatorScope.DenseLayer, g.DenseLayers, m);
                }
            }

            var layerOps = ops.Count;
            OperatorListBuilder.Head(ops, g, g.TiedEmbeddings, m, finishing);

            body?.Terms.EnsureCapacity(layerOps);
            var total = 0.0;
            for (var i = 0; i < ops.Count; i++)
            {
                ref var op = ref ops[i];
                var terms = i < layerOps ? body?.Terms : head;
                if ((op.Kind == OperatorKind.Gemm && op.M == 0) || (op.Kind == OperatorKind.Elementwise && op.Bytes == 0))
                {
                    // A step that finishes no prompt samples nothing: lm_head over zero rows and the argmax over zero
                    // logits launch no kernel (the seed source's A100 curve is undefined at m = 0, so this is not just
                    // a saving: it kept chunked prefill from being NaN there).
                    continue;
                }

                if (op.Kind == OperatorKind.Attention)
                {
                    if (terms is not null)
                    {
                        terms.Add(new ShapeTerm(ShapeTermKind.Attention, 0, op.Instances, -1));
                        continue;
                    }

                    var a = CausalAttention.Time(g, _c, segments);
                    total += a.Seconds * op.Instances;
                    totals?.Add(op.Name, op.Kind, op.Scope, a.Flops * op.Instances, a.Bytes * op.Instances, a.Seconds * op.Instances, a.Bound, a.Origin);
                    continue;
                }

                if (g.Mla is not null && op.Kind == OperatorKind.Gemm)
                {
                    if (op.Name == VAbsorb)
                    {
                        continue;
                    }

                    if (op.Name == QAbsorb)
                    {
                        KvBProjection(ref op, context);
                        if (terms is not null)
                        {
                            terms.Add(new ShapeTerm(ShapeTermKind.KvBProjection, 0, op.Instances, body!.Ops.Count));
                            body.Ops.Add(op);
                            continue;
                        }
                    }
                }

                var timed = OperatorTimer.Time(ref op, _c);
                var s = timed.Time.Seconds * op.Instances;
                total += s;
                totals?.Add(op.Name, op.Kind, op.Scope, timed.Flops * op.Instances, timed.Bytes * op.Instances, s, timed.Bound, timed.Origin.ToId());
                terms?.Add(new ShapeTerm(ShapeTermKind.Timed, s, op.Instances, -1));
            }

            return total;
        }
        finally
        {
            OpBuffer.Return(ops);
        }
    }

    /// <summary>
    /// MLA's prefill form of the absorbed q GEMM (rewritten in place): every latent in the context (cached or new) is
    /// up-projected to per-head K (nope part) and V: kv_b_proj, n = heads x (qk_nope + v), k = kv_lora_rank. Same weights
    /// as the two absorbed GEMMs together (heads x (128 + 128) x 512 on V3).
    /// </summary>
    private ref OpSpec KvBProjection(ref OpSpec op, long context)
    {
        var g = _g;
        var mla = g.Mla!;
        op.Name = "kv_b_proj";
        op.M = context;
        op.N = (long)g.QueryHeads * (mla.QkNopeHeadDim + mla.VHeadDim);
        op.K = mla.KvLoraRank;
        op.Groups = 1;
        op.WeightBytes = (double)op.N * op.K * g.NonExpertBytes;
        op.ResidentWeightBytes = op.WeightBytes;
        op.Flops = 2.0 * op.M * op.N * op.K;
        op.Bytes = op.WeightBytes + ((((double)op.M * op.K) + ((double)op.M * op.N)) * g.ActBytes);
        return ref op;
    }

    /// <summary>Segments compared element by element, as arrays (the keys) or as the scheduler's span (the lookups).</summary>
    private sealed class SegmentsComparer : IEqualityComparer<PrefillSegment[]>, IAlternateEqualityComparer<ReadOnlySpan<PrefillSegment>, PrefillSegment[]>
    {
        public static readonly SegmentsComparer Instance = new();

        public bool Equals(PrefillSegment[]? x, PrefillSegment[]? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.AsSpan().SequenceEqual(y));

        public int GetHashCode(PrefillSegment[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<PrefillSegment> alternate, PrefillSegment[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<PrefillSegment> alternate) => Hash(alternate);

        public PrefillSegment[] Create(ReadOnlySpan<PrefillSegment> alternate) => alternate.ToArray();

        private static int Hash(ReadOnlySpan<PrefillSegment> segments)
        {
            var hash = default(HashCode);
            foreach (var s in segments)
            {
                hash.Add(s.NewTokens);
                hash.Add(s.Prefix);
                hash.Add(s.Finishes);
            }

            return hash.ToHashCode();
        }
    }
}
