using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Implementations;
using PerfGate.Prefill;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Run;

/// <summary>
/// One decode-step estimate (and, with a prompt, its prefill) from a front end's arguments: the catalog entries resolved
/// through <see cref="CatalogResolver"/> (which reads through the file-system port), the text values read by
/// <see cref="OptionValues"/>, the measured tables loaded when the efficiency is measured. The first stage with an error
/// stops the run, so the answer carries that stage's diagnostics only.
/// </summary>
public static class EstimateRun
{
    public static EstimateAnswer Answer(EstimateArguments arguments, CatalogResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(resolver);
        var a = arguments;
        var problems = new List<Diagnostic>();
        var model = resolver.Model(a.Model);
        var hardware = resolver.Hardware(a.Hardware);
        var nic = a.Nic is { } nicValue ? resolver.Nic(nicValue) : null;
        var weights = OptionValues.DataType(a.WeightDtype, "--weight-dtype", problems) ?? DataType.Bf16;
        var nonExpert = OptionValues.DataType(a.NonExpertDtype, "--non-expert-dtype", problems);
        var kv = OptionValues.DataType(a.KvDtype, "--kv-dtype", problems) ?? DataType.Bf16;
        var pipeline = OptionValues.Pipeline(a.Pipeline, problems) ?? PipelineKind.Naive;
        var efficiency = OptionValues.Efficiency(a.Efficiency, problems);
        var layers = OptionValues.Layers(a.Layers, problems) ?? LayerTreatment.AsBuilt;
        var implementation = OptionValues.Implementation(a.Implementation, problems) ?? ImplementationProfiles.PyTorch;
        if (model is null || hardware is null || resolver.HasErrors || problems.Any(p => p.Severity == Severity.Error))
        {
            return Failed([.. resolver.Diagnostics, .. problems]);
        }

        var chosen = efficiency ?? hardware.Efficiency;
        var request = new DecodeRequest
        {
            Model = model,
            Hardware = hardware,
            Nic = nic,
            Parallelism = new Parallelism(a.Tp, a.Ep, a.Dp),
            Dtypes = new DtypeSettings(weights, kv, DataType.Bf16, nonExpert),
            Batch = a.Batch,
            Context = a.Context,
            Mtp = a.Mtp,
            MtpAcceptance = a.MtpAcceptance,
            Pipeline = pipeline,
            Efficiency = chosen,
            Layers = layers,
            Implementation = implementation,
            Calibration = chosen == EfficiencySource.Measured ? resolver.Calibration(hardware) : null,
            CalibrationFrom = chosen == EfficiencySource.Measured ? resolver.Sibling(hardware) : null,
        };
        if (resolver.HasErrors)
        {
            return Failed([.. resolver.Diagnostics]);
        }

        var prefill = Prefill(a.Prefill, request, resolver);
        if (prefill is { HasErrors: true } || resolver.HasErrors)
        {
            return Failed([.. resolver.Diagnostics, .. prefill?.Diagnostics ?? []]);
        }

        // The answer is shown as the operator table or its JSON: build the operators in the timing pass.
        var outcome = DecodeEstimator.Estimate(request, eagerOperators: true);
        return new EstimateAnswer(outcome.Estimate, outcome.Estimate is null ? null : prefill?.Estimate, [.. resolver.Diagnostics, .. outcome.Diagnostics]);
    }

    /// <summary>The prefill outcome, or null without a prompt (prefill values given without one are an error on the resolver).</summary>
    private static PrefillOutcome? Prefill(PrefillArguments a, DecodeRequest deployment, CatalogResolver resolver)
    {
        if (a.Prompt is not { } prompt)
        {
            if (a.Given.Count > 0)
            {
                resolver.Add(Diagnostic.Error(DiagnosticIds.InvalidPrefillSetting, $"{string.Join(", ", a.Given)} describe a prefill; give the prompt length with --prompt", SourceLocation.None));
            }

            return null;
        }

        var tier = a.PrefixTier is null ? null : resolver.Storage(a.PrefixTier, "--prefix-tier");
        if (resolver.HasErrors)
        {
            return null;
        }

        var problems = new List<Diagnostic>();
        var overlap = OptionValues.Overlap(a.Overlap, problems);
        if (problems.Count > 0)
        {
            problems.ForEach(resolver.Add);
            return null;
        }

        var request = new PrefillRequest
        {
            Deployment = deployment,
            Prompt = prompt,
            Chunk = a.Chunk,
            Concurrency = a.Concurrency,
            TokenBudget = a.TokenBudget,
            PrefixHit = a.PrefixHit,
            Tier = tier,
            Overlap = overlap ?? KvLoadOverlap.Serial,
            OutputTokens = a.OutputTokens,
        };
        return PrefillEstimator.Estimate(request, spell: key => PrefillArguments.OptionNames[key]);
    }

    private static EstimateAnswer Failed(IReadOnlyList<Diagnostic> diagnostics) => new(null, null, diagnostics);
}
