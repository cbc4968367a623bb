using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Tests.Estimation;

/// <summary>
/// An estimate's operator list is computed on first read: it must be, field for field and bit for bit, the list the
/// estimator builds when it times the step (the eager path), whoever reads it and from however many threads.
/// </summary>
public sealed class LazyOperatorsTests
{
    private static readonly CatalogSet Catalog = BuiltInCatalog.Load();

    public static TheoryData<string> Requests => ["llama measured", "llama measured transfer", "llama achieved", "llama a100-curve", "llama roofline", "deepseek seed dmb mtp", "deepseek seed layer rule", "deepseek roofline naive"];

    private static DecodeRequest Request(string name)
    {
        var h100 = Catalog.Hardware["h100-sxm"];
        var llama = new DecodeRequest { Model = Catalog.Models["llama-3-8b"], Hardware = h100, Batch = 8, Context = 4096 };
        var deepSeek = new DecodeRequest
        {
            Model = Catalog.Models["deepseek-v3"],
            Hardware = Catalog.Hardware["h800"],
            Nic = Catalog.Nics["cx7-400g"],
            Parallelism = new Parallelism(1, 144, 144),
            Dtypes = new DtypeSettings(DataType.Fp8, DataType.Fp8, DataType.Bf16, DataType.Fp8),
            Batch = 128,
            Context = 5120,
            Mtp = 1,
            Pipeline = PipelineKind.DualMicroBatch,
            Efficiency = EfficiencySource.Seed,
        };
        return name switch
        {
            "llama measured" => llama with { Efficiency = EfficiencySource.Measured, Calibration = Tables(h100) },
            "llama measured transfer" => llama with { Hardware = Catalog.Hardware["h200"], Efficiency = EfficiencySource.Measured, Calibration = Tables(h100), CalibrationFrom = h100 },
            "llama achieved" => llama with { Efficiency = EfficiencySource.Achieved },
            "llama a100-curve" => llama with { Hardware = Catalog.Hardware["a100-80g"], Efficiency = EfficiencySource.A100Curve },
            "llama roofline" => llama with { Efficiency = EfficiencySource.Roofline },
            "deepseek seed dmb mtp" => deepSeek,
            "deepseek seed layer rule" => deepSeek with { Layers = LayerTreatment.SeedSparseTimesAllLayers, Pipeline = PipelineKind.Naive },
            "deepseek roofline naive" => deepSeek with { Pipeline = PipelineKind.Naive, Efficiency = EfficiencySource.Roofline, Mtp = 0 },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such request"),
        };
    }

    private static CalibrationTables Tables(HardwareSpec hardware)
    {
        var diagnostics = new List<Diagnostic>();
        var tables = CalibrationLoader.Load(hardware.CalibrationTables!, ".", diagnostics);
        Assert.Empty(diagnostics);
        return tables!;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Operators_read_later_are_those_the_timing_pass_builds(string name)
    {
        var request = Request(name);
        var estimate = EstimateAssert.Ok(request);
        Assert.IsType<LazyOperatorList>(estimate.Operators);
        var eager = DecodeEstimator.Compute(request, eagerOperators: true);
        Assert.IsType<OperatorEstimate[]>(eager.Operators);
        Assert.Equal(eager.StepTime, estimate.StepTime);
        AssertSame(eager.Operators, estimate.Operators);
    }

    [Theory]
    [InlineData(LayerTreatment.SeedSparseTimesAllLayers, EfficiencySource.Seed)]
    [InlineData(LayerTreatment.AsBuilt, EfficiencySource.Achieved)]
    public void A_search_estimate_reads_the_operators_of_its_own_batch(LayerTreatment layers, EfficiencySource efficiency)
    {
        // The search derives the geometry and timing context once per configuration and varies the batch.
        var template = Request("deepseek seed dmb mtp") with { Layers = layers, Efficiency = efficiency, Batch = 1 };
        var geometry = new ModelGeometry(template);
        var timing = new TimingContext(template);
        foreach (var batch in (int[])[1, 32, 128])
        {
            var request = template with { Batch = batch };
            var searched = DecodeEstimator.Compute(request, geometry, timing, eagerOperators: false);
            var eager = DecodeEstimator.Compute(request, eagerOperators: true);
            Assert.Equal(eager.StepTime, searched.StepTime);
            AssertSame(eager.Operators, searched.Operators);
        }
    }

    [Fact]
    public void Readers_on_several_threads_at_once_all_get_the_same_list()
    {
        var request = Request("deepseek seed dmb mtp");
        var eager = DecodeEstimator.Compute(request, eagerOperators: true).Operators;
        for (var round = 0; round < 20; round++)
        {
            var estimate = EstimateAssert.Ok(request);
            var copy = estimate with { };
            using var start = new Barrier(4);
            var reads = new OperatorEstimate[4][];
            var threads = Enumerable.Range(0, 4).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                reads[i] = [.. (i % 2 == 0 ? estimate : copy).Operators];
            })).ToArray();
            foreach (var thread in threads)
            {
                thread.Start();
            }

            foreach (var thread in threads)
            {
                thread.Join();
            }

            foreach (var read in reads)
            {
                AssertSame(eager, read);
            }
        }
    }

    /// <summary>Same count, and every operator equal in every field, each double to the bit.</summary>
    private static void AssertSame(IReadOnlyList<OperatorEstimate> expected, IReadOnlyList<OperatorEstimate> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            Assert.Equal(e, a);
            Assert.Equal(Bits(e), Bits(a));
        }
    }

    private static long[] Bits(OperatorEstimate o) =>
        [.. ((double[])[o.Flops, o.Bytes, o.WeightBytes, o.ResidentWeightBytes, o.Time.Seconds, o.Efficiency]).Select(BitConverter.DoubleToInt64Bits)];
}
