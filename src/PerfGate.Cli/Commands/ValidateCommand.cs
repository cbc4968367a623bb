using System.CommandLine;
using PerfGate.Cli.Output;

namespace PerfGate.Cli.Commands;

/// <summary><c>perfgate validate [--workspace DIR]</c>: load and check every input, report all problems at once.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var options = new WorkspaceOptions();
        var command = new Command("validate", "Load the workspace and the catalog and report every problem found (exit 2 on any error).");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var result = options.Load(parse, context);
            if (result.Workspace is not { } ws)
            {
                context.Error.WriteLine($"perfgate: validate failed: {DiagnosticPrinter.Summary(result.Diagnostics)}");
                return ExitCodes.BadInput;
            }

            context.Out.WriteLine(FormattableString.Invariant(
                $"perfgate: workspace is valid: {ws.Scenarios.Count} scenario(s), {ws.Catalog.Hardware.Count} hardware, {ws.Catalog.Nics.Count} NIC(s), {ws.Catalog.Models.Count} model(s), {ws.Inputs.Count} input file(s); {DiagnosticPrinter.Summary(result.Diagnostics)}"));
            return ExitCodes.Success;
        });
        return command;
    }
}
