using System.CommandLine;
using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Implementations;
using PerfGate.IO;
using PerfGate.Prefill;
using PerfGate.Quantities;
using PerfGate.Reports;
using PerfGate.Scenarios;
using PerfGate.Workspace;
using Spectre.Console;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate estimate --model ID|PATH --hardware ID|PATH [...]</c>: one decode-step estimate with its
/// operator breakdown, as a table or <c>--json</c>.
/// </summary>
internal static class EstimateCommand
{
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "Model id (built-in catalog) or path of a YAML model document.", Required = true };
        var hardware = new Option<string>("--hardware") { Description = "Hardware id or path of a YAML hardware document.", Required = true };
        var nic = new Option<string?>("--nic") { Description = "NIC id or path, for expert-parallel dispatch/combine (default: the intra-node link)." };
        var tp = new Option<int>("--tp") { Description = "Tensor-parallel degree.", DefaultValueFactory = _ => 1 };
        var ep = new Option<int>("--ep") { Description = "Expert-parallel degree (at most TP x DP cards).", DefaultValueFactory = _ => 1 };
        var dp = new Option<int>("--dp") { Description = "Attention data-parallel degree (cards = TP x DP).", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch") { Description = "Sequences per attention-DP rank.", DefaultValueFactory = _ => 1 };
        var contextLength = new Option<int>("--context") { Description = "Tokens already in each sequence's KV cache.", DefaultValueFactory = _ => 4096 };
        var mtp = new Option<int>("--mtp") { Description = "Speculative (MTP) tokens per step.", DefaultValueFactory = _ => 0 };
        var acceptance = OptionParsing.Number("--mtp-acceptance", "Acceptance probability per speculative token (the DeepSeek EP post: 0.85).", 0.85);
        var weightType = new Option<string?>("--weight-dtype") { Description = "Weight type (routed experts, and all weights unless --non-expert-dtype): bf16, fp16, fp8, int8, int4." };
        var nonExpertType = new Option<string?>("--non-expert-dtype") { Description = "Type of the non-expert weights (the DeepSeek EP post's non-expert element size); default: --weight-dtype." };
        var kvType = new Option<string?>("--kv-dtype") { Description = "KV-cache type (default bf16)." };
        var pipeline = new Option<string?>("--pipeline") { Description = "naive or dual-micro-batch (default naive)." };
        var efficiency = new Option<string?>("--efficiency") { Description = "published (the DeepSeek EP post's factors), measured or roofline (default: the hardware profile's)." };
        var layers = new Option<string?>("--layers") { Description = "as-built (default) or sparse-times-all (the DeepSeek EP post: sparse-layer time x all layers)." };
        var implementation = new Option<string?>("--implementation")
        {
            Description = $"Which implementation's kernels run the model (which small kernels it fuses): {string.Join(", ", ImplementationProfiles.All.Select(p => p.Id))} (default {ImplementationProfiles.PyTorch.Id}).",
        };
        var json = new Option<bool>("--json") { Description = "Write the estimate as JSON." };
        var prefill = new PrefillOptions();
        var command = new Command("estimate", "Estimate one decode step (time per operator, tokens per second, memory per card) and, with --prompt, the prefill and time to first token.");
        foreach (var o in new Option[] { model, hardware, nic, tp, ep, dp, batch, contextLength, mtp, acceptance, weightType, nonExpertType, kvType, pipeline, efficiency, layers, implementation, json })
        {
            command.Options.Add(o);
        }

        prefill.AddTo(command);

        command.SetAction(parse =>
        {
            var resolver = CatalogResolver.ForFolder(PhysicalFileSystem.Instance, context.CurrentDirectory);
            var problems = new List<Diagnostic>();
            var m = resolver.Model(parse.GetValue(model)!);
            var hw = resolver.Hardware(parse.GetValue(hardware)!);
            var n = parse.GetValue(nic) is { } nicValue ? resolver.Nic(nicValue) : null;
            var weights = OptionParsing.DataType(parse.GetValue(weightType), "--weight-dtype", problems) ?? DataType.Bf16;
            var nonExpert = OptionParsing.DataType(parse.GetValue(nonExpertType), "--non-expert-dtype", problems);
            var kv = OptionParsing.DataType(parse.GetValue(kvType), "--kv-dtype", problems) ?? DataType.Bf16;
            var pipe = OptionParsing.Pipeline(parse.GetValue(pipeline), problems) ?? PipelineKind.Naive;
            var source = OptionParsing.Efficiency(parse.GetValue(efficiency), problems);
            var treatment = OptionParsing.Layers(parse.GetValue(layers), problems) ?? LayerTreatment.AsBuilt;
            var profile = OptionParsing.Implementation(parse.GetValue(implementation), problems) ?? ImplementationProfiles.PyTorch;
            if (m is null || hw is null || resolver.HasErrors || problems.Any(p => p.Severity == Severity.Error))
            {
                return DiagnosticPrinter.Fail(context, resolver.Diagnostics.Concat(problems));
            }

            var chosen = source ?? hw.Efficiency;
            var request = new DecodeRequest
            {
                Model = m,
                Hardware = hw,
                Nic = n,
                Parallelism = new Parallelism(parse.GetValue(tp), parse.GetValue(ep), parse.GetValue(dp)),
                Dtypes = new DtypeSettings(weights, kv, DataType.Bf16, nonExpert),
                Batch = parse.GetValue(batch),
                Context = parse.GetValue(contextLength),
                Mtp = parse.GetValue(mtp),
                MtpAcceptance = parse.GetValue(acceptance),
                Pipeline = pipe,
                Efficiency = chosen,
                Layers = treatment,
                Implementation = profile,
                Calibration = chosen == EfficiencySource.Measured ? resolver.Calibration(hw) : null,
                CalibrationFrom = chosen == EfficiencySource.Measured ? resolver.Sibling(hw) : null,
            };
            if (resolver.HasErrors)
            {
                return DiagnosticPrinter.Fail(context, resolver.Diagnostics);
            }

            var prefillOutcome = prefill.Estimate(parse, request, resolver);
            if (prefillOutcome is { HasErrors: true } || resolver.HasErrors)
            {
                return DiagnosticPrinter.Fail(context, resolver.Diagnostics.Concat(prefillOutcome?.Diagnostics ?? []));
            }

            var outcome = DecodeEstimator.Estimate(request);
            var all = resolver.Diagnostics.Concat(outcome.Diagnostics).ToArray();
            if (outcome.Estimate is null)
            {
                return DiagnosticPrinter.Fail(context, all);
            }

            var p = prefillOutcome?.Estimate;
            var exit = ExitCodes.For(all);
            if (parse.GetValue(json))
            {
                context.Out.Write(JsonText.Render(w => DecodeEstimateJson.Write(w, outcome.Estimate, all, p is null ? null : pw => PrefillEstimateJson.Write(pw, p))));
            }
            else if (exit == ExitCodes.Success)
            {
                Render(context, outcome.Estimate);
                if (p is not null)
                {
                    PrefillRendering.Render(context, p);
                }
            }

            // A plan that does not fit is a finding (exit 1): the console shows the finding, not a full result beside it.
            DiagnosticPrinter.Print(context, all);
            return exit;
        });
        return command;
    }

    private static void Render(CliContext context, DecodeEstimate e)
    {
        var c = CultureInfo.InvariantCulture;
        var r = e.Request;
        var console = ConsoleFactory.Create(context);
        var table = new Table().Border(TableBorder.Simple).AddColumns("operator", "scope", "x", "m", "n", "k", "time/us", "step/us", "share", "bound", "source");

        var breakdown = e.Breakdown();
        for (var i = 0; i < breakdown.Count; i++)
        {
            var b = breakdown[i];
            var op = e.Operators[i];
            var gemm = op.Kind is OperatorKind.Gemm or OperatorKind.ExpertGemm;
            table.AddRow(
                Markup.Escape(op.Name),
                op.Scope.ToString(),
                op.Instances.ToString(c),
                gemm ? op.M.ToString(c) : string.Empty,
                gemm ? op.N.ToString(c) : string.Empty,
                gemm ? op.K.ToString(c) : string.Empty,
                op.Time.Microseconds.ToString("0.00", c),
                b.Time.Microseconds.ToString("0.0", c),
                b.Share.ToString("0.0%", c),
                op.Bound.ToString().ToLowerInvariant(),
                Markup.Escape(op.Origin.ToId()));
        }

        console.Write(table);
        var m = e.Memory;
        context.Out.WriteLine(string.Create(c, $"{r.Model.Id} on {r.Hardware.Id}: TP {r.Parallelism.Tp} EP {r.Parallelism.Ep} DP {r.Parallelism.Dp}, batch {r.Batch}, context {r.Context}, MTP {r.Mtp}, {(r.Pipeline == PipelineKind.DualMicroBatch ? "dual-micro-batch" : "naive")}, efficiency {r.Efficiency.ToString().ToLowerInvariant()}{(r.CalibrationFrom is { } from && r.Efficiency == EfficiencySource.Measured ? $" (tables transferred from {from.Id}, spec ratio)" : string.Empty)}, implementation {r.Implementation.Id}"));
        context.Out.WriteLine(string.Create(c, $"step {e.StepTime.Milliseconds:0.000} ms, {e.UserTokensPerSecond:0.00} tokens/s per user, {e.ThroughputPerCard:0.0} tokens/s per card"));
        context.Out.WriteLine(string.Create(c, $"memory per card: weights {m.WeightBytesPerCard}, KV {m.KvBytesPerToken}/token ({m.KvBytesPerSequence}/sequence), {(m.LimitsBatch ? string.Create(c, $"max batch {m.MaxBatch}") : "no KV cache at context 0, so memory does not limit the batch")}"));
    }
}
