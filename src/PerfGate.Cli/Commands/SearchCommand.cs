using System.CommandLine;
using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;
using PerfGate.IO;
using PerfGate.Workspace;
using Spectre.Console;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate search</c>: seed 002's configuration grid (cards x NICs x MTP 0/1 x element sizes x pipeline x
/// EP 72/144/320) for a UX TPS target; prints the seed's table and writes it as CSV with <c>--csv</c>.
/// </summary>
internal static class SearchCommand
{
    /// <summary>The largest UX TPS target accepted: far beyond any decode rate, small enough to print.</summary>
    private const double MaxTarget = 100_000;

    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "Model id or YAML path (default deepseek-v3).", DefaultValueFactory = _ => "deepseek-v3" };
        var hardware = new Option<string[]>("--hardware") { Description = "Cards (ids or YAML paths), comma-separated or repeated (default: the DeepSeek EP post's h800, h20, a100-80g, l20).", AllowMultipleArgumentsPerToken = true };
        var nics = new Option<string[]>("--nic") { Description = "NICs, comma-separated or repeated (default cx7-400g, e810-100g).", AllowMultipleArgumentsPerToken = true };
        var target = OptionParsing.Number("--target", "UX TPS target: tokens per second each user must see (the DeepSeek EP post: 20 or 15).", 20);
        var efficiency = new Option<string?>("--efficiency") { Description = "published (default: the DeepSeek EP post's factors, https://shinezyy.github.io/ArchShineZ/post/modeling-deepseek/), measured or roofline." };
        var layers = new Option<string?>("--layers") { Description = "sparse-times-all (default: sparse-layer time x all layers, as the DeepSeek EP post) or as-built." };
        var csv = new Option<string?>("--csv") { Description = "Write the table as CSV to this file (replaced atomically)." };
        var command = new Command("search", "The DeepSeek EP post's configuration search (https://shinezyy.github.io/ArchShineZ/post/modeling-deepseek/): the best batch per card, NIC, EP, MTP, element sizes and pipeline for a UX TPS target.");
        foreach (var o in new Option[] { model, hardware, nics, target, efficiency, layers, csv })
        {
            command.Options.Add(o);
        }

        command.SetAction(parse =>
        {
            var resolver = CatalogResolver.ForFolder(PhysicalFileSystem.Instance, context.CurrentDirectory);
            var problems = new List<Diagnostic>();
            var m = resolver.Model(parse.GetValue(model)!);
            var cards = Split(parse.GetValue(hardware), ["h800", "h20", "a100-80g", "l20"], "--hardware", "a card id or YAML path, e.g. --hardware h800,h20", problems).Select(resolver.Hardware).ToArray();
            var nicSpecs = Split(parse.GetValue(nics), ["cx7-400g", "e810-100g"], "--nic", "a NIC id or YAML path, e.g. --nic cx7-400g", problems).Select(resolver.Nic).ToArray();
            if (m is { Moe: null })
            {
                problems.Add(Diagnostic.Error(DiagnosticIds.InvalidParallelism, $"--model: the search explores expert parallelism (EP 72, 144, 320) and needs a mixture-of-experts model, but {m.Id} is dense; use a MoE model (e.g. deepseek-v3) or 'perfgate estimate' for a dense one", m.Location));
            }

            var source = OptionParsing.Efficiency(parse.GetValue(efficiency), problems) ?? EfficiencySource.Seed;
            var treatment = OptionParsing.Layers(parse.GetValue(layers), problems) ?? LayerTreatment.SeedSparseTimesAllLayers;

            var t = parse.GetValue(target);
            if (!(t > 0 && t <= MaxTarget))
            {
                problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, string.Create(CultureInfo.InvariantCulture, $"--target: {t} must be a positive number of tokens per second per user, at most {MaxTarget} (the DeepSeek EP post: 20 or 15)"), SourceLocation.None));
            }

            if (m is null || resolver.HasErrors || problems.Count > 0)
            {
                return DiagnosticPrinter.Fail(context, resolver.Diagnostics.Concat(problems));
            }

            var calibration = new Dictionary<string, CalibrationTables>(StringComparer.Ordinal);
            if (source == EfficiencySource.Measured)
            {
                foreach (var hw in cards)
                {
                    if (resolver.Calibration(hw!) is { } tables)
                    {
                        calibration[hw!.Id] = tables;
                    }
                }

                if (resolver.HasErrors)
                {
                    return DiagnosticPrinter.Fail(context, resolver.Diagnostics);
                }
            }

            var result = ConfigurationSearch.Run(new SearchRequest
            {
                Model = m,
                Hardware = cards!,
                Nics = nicSpecs!,
                TargetUserTokensPerSecond = t,
                Efficiency = source,
                Layers = treatment,
                Calibration = calibration,
            });
            Render(context, result);
            DiagnosticPrinter.Print(context, result.Diagnostics);

            if (parse.GetValue(csv) is { } file)
            {
                using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
                SearchCsvWriter.Write(result, text);
                if (!OutputFile.TryWrite(context, file, text.ToString(), "--csv"))
                {
                    return ExitCodes.BadInput;
                }
            }

            if (result.Diagnostics.Any(d => d.Severity == Severity.Error))
            {
                return ExitCodes.BadInput;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static IReadOnlyList<string> Split(string[]? values, string[] defaults, string option, string example, List<Diagnostic> problems)
    {
        if (values is null || values.Length == 0)
        {
            return defaults;
        }

        var split = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        if (split.Length == 0)
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{option} names nothing; give at least {example}, or leave the option out for the DeepSeek EP post's defaults ({string.Join(", ", defaults)})", SourceLocation.None));
        }

        return split;
    }

    private static void Render(CliContext context, SearchResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var console = ConsoleFactory.Create(context, width: 200);
        var table = new Table().Border(TableBorder.Simple).AddColumns([.. SearchCsvWriter.Columns]);

        foreach (var r in result.Rows)
        {
            table.AddRow(
                Markup.Escape(r.Gpu), Markup.Escape(r.Nic), r.PipelineId, r.Ep.ToString(c), r.KvElementBytes.ToString(c), r.NonExpertElementBytes.ToString(c),
                r.Batch.ToString(c), r.DeepGemm ? "TRUE" : "FALSE", r.UserTokensPerSecond.ToString("0.00", c), r.ThroughputPerCard.ToString("0.0", c), r.Mtp.ToString(c));
        }

        console.Write(table);
        context.Out.WriteLine(string.Create(c, $"target {result.TargetUserTokensPerSecond:0.##} UX TPS: {result.Rows.Count} configurations ({result.Candidates.Count} before dedup, {result.Evaluations} estimates)"));
    }
}
