using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Measurements.Accuracy;
using PerfGate.Run;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate accuracy [--workspace DIR] [--baselines DIR] [--set key=value] [--markdown FILE]</c>: for every scenario with a <c>measured:</c> section, each
/// measured figure beside its estimate with the error in %, and the aggregate MAPE. --markdown writes the table with an
/// SVG per scenario (ITL and TTFT against request rate) beside it. Exit 0 (a report, not a gate: the snapshot's
/// accuracy rows are what <c>check</c> gates), 2 on bad input.
/// </summary>
internal static class AccuracyCommand
{
    public static Command Create(CliContext context)
    {
        var options = new WorkspaceOptions();
        var markdown = new Option<string?>("--markdown") { Description = "Also write the table as Markdown to this file, with an SVG per scenario beside it (FILE's name + .<scenario>.svg)." };
        var command = new Command("accuracy", "Estimates against measurements: every scenario's measured runs (its measured: section) metric by metric, error in %, aggregate MAPE.");
        options.AddTo(command);
        command.Options.Add(markdown);
        command.SetAction(parse =>
        {
            var request = options.Request(parse, context);
            var (results, diagnostics) = WorkspaceRun.Accuracy(request, PhysicalFileSystem.Instance);
            var paths = new PathDisplay(context.CurrentDirectory, request.Root);
            foreach (var d in diagnostics)
            {
                context.Error.WriteLine(paths.Show(d).ToCanonicalString());
            }

            if (diagnostics.Any(d => d.Severity == Severity.Error))
            {
                return ExitCodes.BadInput;
            }

            context.Out.Write(AccuracyReport.Console(results, AccuracyReport.ModelNote));
            if (parse.GetValue(markdown) is { } target)
            {
                var name = Path.GetFileName(target);
                foreach (var result in results)
                {
                    var svg = AccuracySvg.Render(result, $"{result.Scenario}: measured against estimated");
                    if (!OutputFile.TryWrite(context, $"{target}.{result.Scenario}.svg", svg, "--markdown"))
                    {
                        return ExitCodes.BadInput;
                    }
                }

                if (!OutputFile.TryWrite(context, target, AccuracyReport.Markdown(results, AccuracyReport.ModelNote, r => $"{name}.{r.Scenario}.svg"), "--markdown"))
                {
                    return ExitCodes.BadInput;
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
