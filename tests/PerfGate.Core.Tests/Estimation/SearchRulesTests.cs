using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Estimation;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Tests.Estimation;

public sealed class SearchRulesTests
{
    private static SearchRequest H800Only(double target) => new()
    {
        Model = Fixtures.DeepSeekV3,
        Hardware = [SeedFixtures.H800],
        Nics = [Fixtures.Cx7],
        TargetUserTokensPerSecond = target,
        Mtp = [0],
        ElementSizes = [(1, 1)],
        Pipelines = [PipelineKind.DualMicroBatch],
        ExpertParallel = [320],
    };

    [Fact]
    public void An_easy_target_keeps_the_largest_batch_and_an_impossible_one_yields_no_row()
    {
        var easy = ConfigurationSearch.Run(H800Only(1));
        Assert.Equal(128, Assert.Single(easy.Rows).Batch);
        // One estimate: batch 128 already meets the target.
        Assert.Equal(1, easy.Evaluations);

        var impossible = ConfigurationSearch.Run(H800Only(10_000));
        Assert.Empty(impossible.Rows);
        // 128, 120, ..., 8: sixteen estimates; the loop stops at the seed's floor of 8 and keeps nothing.
        Assert.Equal(16, impossible.Evaluations);
    }

    [Fact]
    public void The_batch_steps_down_by_8_until_the_target_is_met()
    {
        var result = ConfigurationSearch.Run(H800Only(40));
        var row = Assert.Single(result.Rows);
        Assert.True(row.UserTokensPerSecond >= 40);
        // The next batch up misses the target.
        var above = DecodeEstimator.Estimate(new DecodeRequest
        {
            Model = Fixtures.DeepSeekV3,
            Hardware = SeedFixtures.H800,
            Nic = Fixtures.Cx7,
            Parallelism = new Parallelism(1, 320, 320),
            Dtypes = new DtypeSettings(DataType.Fp8, DataType.Fp8, DataType.Bf16, DataType.Fp8),
            Batch = row.Batch + 8,
            Context = 5120,
            Pipeline = PipelineKind.DualMicroBatch,
            Efficiency = EfficiencySource.Seed,
            Layers = LayerTreatment.SeedSparseTimesAllLayers,
        }).Estimate!;
        Assert.True(above.UserTokensPerSecond < 40);
    }

    [Fact]
    public void Batches_that_do_not_fit_are_skipped_as_the_seed_does()
    {
        // H800 (80 GB), bf16 KV and non-expert weights, EP 72: weights 4 experts x 58 x 44,040,192 B + 17,117,648,384 x 2 B
        // = 44.45 GB; a sequence's KV at 5120 tokens is 61 x 576 x 2 x 5120 = 359.8 MB; (80 - 44.45) GB / 359.8 MB = 98.8:
        // 128 ... 104 do not fit, 96 does.
        var result = ConfigurationSearch.Run(H800Only(1) with { ElementSizes = [(2, 2)], ExpertParallel = [72] });
        Assert.Equal(96, Assert.Single(result.Rows).Batch);

        // L20 (48 GB): (48 - 44.45) GB / 359.8 MB = 9.9 sequences; only batch 8 fits, and the seed drops a result at batch 8.
        var l20 = ConfigurationSearch.Run(H800Only(1) with { Hardware = [SeedFixtures.L20], ElementSizes = [(2, 2)], ExpertParallel = [72] });
        Assert.Empty(l20.Rows);
        Assert.Equal(16, l20.Evaluations);
    }

    [Fact]
    public void Csv_has_the_seeds_columns_and_invariant_numbers_under_any_culture()
    {
        var result = ConfigurationSearch.Run(H800Only(1));
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            SearchCsvWriter.Write(result, writer);
            Assert.DoesNotContain("\r", writer.ToString(), StringComparison.Ordinal); // the repository's files are LF
            var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("GPU,NIC,Pipe policy,EP,KVC elem size,Non-expert param elem size,BS,DeepGemm,UX TPS,Throughput Per card,MTP Len", lines[0]);
            var r = result.Rows[0];
            Assert.StartsWith("H800,CX7 400Gbps,dual-mbatch,320,1,1,128,TRUE," + r.UserTokensPerSecond.ToString("0.#######", CultureInfo.InvariantCulture), lines[1], StringComparison.Ordinal);
            Assert.DoesNotContain(";", lines[1], StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Invalid_grid_points_are_reported_not_estimated()
    {
        var result = ConfigurationSearch.Run(H800Only(1) with { Model = Fixtures.Llama3_8B });
        Assert.Empty(result.Rows);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("needs a mixture-of-experts model", StringComparison.Ordinal));
    }
}
