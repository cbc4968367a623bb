using System.CommandLine;
using System.Globalization;
using PerfGate.Cli.Output;
using PerfGate.Cli.Rendering;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.IO;
using PerfGate.Reports;
using PerfGate.Run;
using PerfGate.Workspace;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate search</c>: seed 002's configuration grid (cards x NICs x MTP 0/1 x element sizes x pipeline x
/// EP 72/144/320) for a UX TPS target; prints the seed's table and writes it as CSV with <c>--csv</c>.
/// </summary>
internal static class SearchCommand
{
    public static Command Create(CliContext context)
    {
        var d = SearchArguments.Defaults;
        var o = new OptionSet<SearchArguments>(d);
        o.Add(new Option<string>("--model") { Description = "Model id or YAML path (default deepseek-v3).", DefaultValueFactory = _ => d.Model }, (a, v) => a with { Model = v });
        o.Add(new Option<string[]>("--hardware") { Description = "Cards (ids or YAML paths), comma-separated or repeated (default: the DeepSeek EP post's h800, h20, a100-80g, l20).", AllowMultipleArgumentsPerToken = true }, (a, v) => a with { Hardware = v ?? [] });
        o.Add(new Option<string[]>("--nic") { Description = "NICs, comma-separated or repeated (default cx7-400g, e810-100g).", AllowMultipleArgumentsPerToken = true }, (a, v) => a with { Nics = v ?? [] });
        o.Add(OptionParsing.Number("--target", "UX TPS target: tokens per second each user must see (the DeepSeek EP post: 20 or 15).", d.Target), (a, v) => a with { Target = v });
        o.Add<string?>("--efficiency", "published (default: the DeepSeek EP post's factors, https://shinezyy.github.io/ArchShineZ/post/modeling-deepseek/), measured or roofline.", (a, v) => a with { Efficiency = v });
        o.Add<string?>("--layers", "sparse-times-all (default: sparse-layer time x all layers, as the DeepSeek EP post) or as-built.", (a, v) => a with { Layers = v });
        var csv = o.Add<string?>("--csv", "Write the table as CSV to this file (replaced atomically).");
        var command = new Command("search", "The DeepSeek EP post's configuration search (https://shinezyy.github.io/ArchShineZ/post/modeling-deepseek/): the best batch per card, NIC, EP, MTP, element sizes and pipeline for a UX TPS target.");
        o.AddTo(command);

        command.SetAction(parse =>
        {
            var (result, diagnostics) = SearchRun.Answer(o.Read(parse), CatalogResolver.ForFolder(PhysicalFileSystem.Instance, context.CurrentDirectory));
            if (result is null)
            {
                return DiagnosticPrinter.Fail(context, diagnostics);
            }

            TextViews.Write(context, SearchText.Table(result), [SearchText.Summary(result)], width: 200);
            DiagnosticPrinter.Print(context, diagnostics);
            if (parse.GetValue(csv) is { } file)
            {
                using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
                SearchCsvWriter.Write(result, text);
                if (!OutputFile.TryWrite(context, file, text.ToString(), "--csv"))
                {
                    return ExitCodes.BadInput;
                }
            }

            return diagnostics.Any(x => x.Severity == Severity.Error) ? ExitCodes.BadInput : ExitCodes.Success;
        });
        return command;
    }
}
