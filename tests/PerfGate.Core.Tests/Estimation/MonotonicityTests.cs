using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;
using PerfGate.Scenarios;

namespace PerfGate.Tests.Estimation;

/// <summary>
/// Step time never falls as the load grows: over every built-in card x model x efficiency source (and TP 1 and
/// 4), batch 1..256 one by one, context 128..16,384 in steps of 128, MTP 0..3. A fall would make the gate call
/// a larger batch an improvement.
/// </summary>
public sealed class MonotonicityTests
{
    private static readonly CatalogSet Catalog = BuiltInCatalog.Load();

    public static TheoryData<string, string, EfficiencySource, int> Cases()
    {
        var data = new TheoryData<string, string, EfficiencySource, int>();
        foreach (var hw in Catalog.Hardware.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var model in Catalog.Models.Keys.Order(StringComparer.Ordinal))
            {
                foreach (var source in Enum.GetValues<EfficiencySource>())
                {
                    foreach (var tp in new[] { 1, 4 })
                    {
                        data.Add(hw, model, source, tp);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_time_never_falls_as_batch_context_or_mtp_grow(string hardware, string model, EfficiencySource source, int tp)
    {
        var request = Request(hardware, model, source, tp);
        if (request is null)
        {
            return;
        }

        var previous = 0.0;
        for (var batch = 1; batch <= 256; batch++)
        {
            var step = Step(request with { Batch = batch, Context = 2048 });
            Assert.True(step >= previous, $"batch {batch - 1} -> {batch}: {previous * 1e6:F3} -> {step * 1e6:F3} us");
            previous = step;
        }

        foreach (var batch in new[] { 1, 16, 128 })
        {
            previous = 0;
            for (var context = 128; context <= 16384; context += 128)
            {
                var step = Step(request with { Batch = batch, Context = context });
                Assert.True(step >= previous, $"batch {batch}, context {context - 128} -> {context}: {previous * 1e6:F3} -> {step * 1e6:F3} us");
                previous = step;
            }

            previous = 0;
            for (var mtp = 0; mtp <= 3; mtp++)
            {
                var step = Step(request with { Batch = batch, Context = 2048, Mtp = mtp });
                Assert.True(step >= previous, $"batch {batch}, MTP {mtp - 1} -> {mtp}: {previous * 1e6:F3} -> {step * 1e6:F3} us");
                previous = step;
            }
        }
    }

    private static double Step(DecodeRequest request)
    {
        var outcome = DecodeEstimator.Estimate(request);
        Assert.True(outcome.Estimate is not null, string.Join("\n", outcome.Diagnostics));
        return outcome.Estimate!.StepTime.Seconds;
    }

    /// <summary>The request, or null where the combination cannot be estimated (TP does not divide the heads).</summary>
    private static DecodeRequest? Request(string hardware, string model, EfficiencySource source, int tp)
    {
        var hw = Catalog.Hardware[hardware];
        var from = hw.CalibrationTransfer is { } t ? Catalog.Hardware[t.From] : null;
        CalibrationTables? tables = null;
        if (source == EfficiencySource.Measured && (from ?? hw).CalibrationTables is { } reference)
        {
            tables = CalibrationLoader.Load(reference, ".", new List<Diagnostic>());
        }

        var request = new DecodeRequest
        {
            Model = Catalog.Models[model],
            Hardware = hw,
            Parallelism = new Parallelism(tp, 1, 1),
            Efficiency = source,
            Calibration = tables,
            CalibrationFrom = tables is null ? null : from,
        };
        return DecodeEstimator.Validate(request).Any(d => d.Severity == Severity.Error) ? null : request;
    }
}
