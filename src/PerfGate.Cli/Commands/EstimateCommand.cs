using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.Cli.Rendering;
using PerfGate.Estimation;
using PerfGate.Estimation.Implementations;
using PerfGate.IO;
using PerfGate.Prefill;
using PerfGate.Reports;
using PerfGate.Run;
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
        var d = EstimateArguments.Defaults;
        var o = new OptionSet<EstimateArguments>(d);
        o.Add(new Option<string>("--model") { Description = "Model id (built-in catalog) or path of a YAML model document.", Required = true }, (a, v) => a with { Model = v });
        o.Add(new Option<string>("--hardware") { Description = "Hardware id or path of a YAML hardware document.", Required = true }, (a, v) => a with { Hardware = v });
        o.Add<string?>("--nic", "NIC id or path, for expert-parallel dispatch/combine (default: the intra-node link).", (a, v) => a with { Nic = v });
        o.Add(new Option<int>("--tp") { Description = "Tensor-parallel degree.", DefaultValueFactory = _ => d.Tp }, (a, v) => a with { Tp = v });
        o.Add(new Option<int>("--ep") { Description = "Expert-parallel degree (at most TP x DP cards).", DefaultValueFactory = _ => d.Ep }, (a, v) => a with { Ep = v });
        o.Add(new Option<int>("--dp") { Description = "Attention data-parallel degree (cards = TP x DP).", DefaultValueFactory = _ => d.Dp }, (a, v) => a with { Dp = v });
        o.Add(new Option<int>("--batch") { Description = "Sequences per attention-DP rank.", DefaultValueFactory = _ => d.Batch }, (a, v) => a with { Batch = v });
        o.Add(new Option<int>("--context") { Description = "Tokens already in each sequence's KV cache.", DefaultValueFactory = _ => d.Context }, (a, v) => a with { Context = v });
        o.Add(new Option<int>("--mtp") { Description = "Speculative (MTP) tokens per step.", DefaultValueFactory = _ => d.Mtp }, (a, v) => a with { Mtp = v });
        o.Add(OptionParsing.Number("--mtp-acceptance", "Acceptance probability per speculative token (the DeepSeek EP post: 0.85).", d.MtpAcceptance), (a, v) => a with { MtpAcceptance = v });
        o.Add<string?>("--weight-dtype", "Weight type (routed experts, and all weights unless --non-expert-dtype): bf16, fp16, fp8, int8, int4.", (a, v) => a with { WeightDtype = v });
        o.Add<string?>("--non-expert-dtype", "Type of the non-expert weights (the DeepSeek EP post's non-expert element size); default: --weight-dtype.", (a, v) => a with { NonExpertDtype = v });
        o.Add<string?>("--kv-dtype", "KV-cache type (default bf16).", (a, v) => a with { KvDtype = v });
        o.Add<string?>("--pipeline", "naive or dual-micro-batch (default naive).", (a, v) => a with { Pipeline = v });
        o.Add<string?>("--efficiency", "published (the DeepSeek EP post's factors), measured or roofline (default: the hardware profile's).", (a, v) => a with { Efficiency = v });
        o.Add<string?>("--layers", "as-built (default) or sparse-times-all (the DeepSeek EP post: sparse-layer time x all layers).", (a, v) => a with { Layers = v });
        o.Add<string?>("--implementation", $"Which implementation's kernels run the model (which small kernels it fuses): {string.Join(", ", ImplementationProfiles.All.Select(p => p.Id))} (default {ImplementationProfiles.PyTorch.Id}).", (a, v) => a with { Implementation = v });
        var json = o.Add<bool>("--json", "Write the estimate as JSON.");
        var prefill = new PrefillOptions();
        var command = new Command("estimate", "Estimate one decode step (time per operator, tokens per second, memory per card) and, with --prompt, the prefill and time to first token.");
        o.AddTo(command);
        prefill.AddTo(command);

        command.SetAction(parse =>
        {
            var arguments = o.Read(parse) with { Prefill = prefill.Read(parse) };
            var answer = EstimateRun.Answer(arguments, CatalogResolver.ForFolder(PhysicalFileSystem.Instance, context.CurrentDirectory));
            if (answer.Decode is not { } estimate)
            {
                return DiagnosticPrinter.Fail(context, answer.Diagnostics);
            }

            var exit = ExitCodes.For(answer.Diagnostics);
            if (parse.GetValue(json))
            {
                context.Out.Write(JsonText.Render(w => DecodeEstimateJson.Write(w, estimate, answer.Diagnostics, answer.Prefill is not { } p ? null : pw => PrefillEstimateJson.Write(pw, p))));
            }
            else if (exit == ExitCodes.Success)
            {
                TextViews.Write(context, DecodeEstimateText.Table(estimate), DecodeEstimateText.Lines(estimate));
                if (answer.Prefill is { } p)
                {
                    TextViews.Write(context, PrefillEstimateText.Table(p), PrefillEstimateText.Lines(p));
                }
            }

            // A plan that does not fit is a finding (exit 1): the console shows the finding, not a full result beside it.
            DiagnosticPrinter.Print(context, answer.Diagnostics);
            return exit;
        });
        return command;
    }
}
