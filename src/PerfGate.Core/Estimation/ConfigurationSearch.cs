using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Estimation;

/// <summary>Runs seed 002's configuration grid (pure).</summary>
public static class ConfigurationSearch
{
    public static SearchResult Run(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var candidates = new List<SearchRow>();
        var diagnostics = new List<Diagnostic>();
        var evaluations = 0;
        var deepGemm = request.Efficiency == EfficiencySource.Seed;
        foreach (var hw in request.Hardware)
        {
            request.Calibration.TryGetValue(hw.Id, out var tables);
            foreach (var nic in request.Nics)
            {
                foreach (var mtp in request.Mtp)
                {
                    foreach (var (kvBytes, nonExpertBytes) in request.ElementSizes)
                    {
                        foreach (var pipeline in request.Pipelines)
                        {
                            foreach (var ep in request.ExpertParallel)
                            {
                                var template = new DecodeRequest
                                {
                                    Model = request.Model,
                                    Hardware = hw,
                                    Nic = nic,
                                    Parallelism = new Parallelism(1, ep, ep),
                                    Dtypes = new DtypeSettings(DataType.Fp8, ElementType(kvBytes), DataType.Bf16, ElementType(nonExpertBytes)),
                                    Batch = request.MaxBatch,
                                    Context = request.Context,
                                    Mtp = mtp,
                                    MtpAcceptance = request.MtpAcceptance,
                                    Pipeline = pipeline,
                                    Efficiency = request.Efficiency,
                                    Layers = request.Layers,
                                    Calibration = tables,
                                };
                                var problems = DecodeEstimator.Validate(template);
                                if (problems.Any(d => d.Severity == Severity.Error))
                                {
                                    foreach (var d in problems.Where(d => d.Severity == Severity.Error))
                                    {
                                        if (!diagnostics.Any(x => x.Message == d.Message))
                                        {
                                            diagnostics.Add(d);
                                        }
                                    }

                                    continue;
                                }

                                // Seed 002's loop, including its quirks: a batch that does not fit keeps the
                                // previous UX TPS, and a result at the last step (batch == step) is dropped.
                                var geometry = new ModelGeometry(template);
                                var timing = new TimingContext(template);
                                var ux = 0.0;
                                var throughput = 0.0;
                                var bs = request.MaxBatch + request.BatchStep;
                                while (ux < request.TargetUserTokensPerSecond && bs > request.BatchStep)
                                {
                                    bs -= request.BatchStep;
                                    var estimate = DecodeEstimator.Compute(template with { Batch = bs }, geometry, timing, eagerOperators: false);
                                    evaluations++;
                                    if (!estimate.Fits)
                                    {
                                        continue;
                                    }

                                    ux = estimate.UserTokensPerSecond;
                                    throughput = estimate.ThroughputPerCard;
                                }

                                if (ux >= request.TargetUserTokensPerSecond && bs > request.BatchStep)
                                {
                                    candidates.Add(new SearchRow(hw.Name, nic.Name, pipeline, ep, kvBytes, nonExpertBytes, bs, deepGemm, ux, throughput, mtp));
                                }
                            }
                        }
                    }
                }
            }
        }

        // Seed 002: sort by throughput (descending) and keep the first row per GPU, NIC, EP and non-expert size.
        var rows = candidates
            .OrderByDescending(r => r.ThroughputPerCard)
            .DistinctBy(r => (r.Gpu, r.Nic, r.Ep, r.NonExpertElementBytes))
            .ToArray();
        return new SearchResult(request.TargetUserTokensPerSecond, rows, candidates, evaluations, diagnostics);
    }

    private static DataType ElementType(int bytes) => bytes switch
    {
        1 => DataType.Fp8,
        2 => DataType.Bf16,
        4 => DataType.Fp32,
        _ => throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "element sizes are 1 (fp8), 2 (bf16) or 4 (fp32) bytes"),
    };
}
