using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.Measurements;
using PerfGate.Measurements.Output;

namespace PerfGate.Cli.Commands;

/// <summary>The chart exports both measured commands offer (<see cref="MeasuredExport.All"/>), each an option naming its file.</summary>
internal sealed class MeasuredExports
{
    private readonly List<(Option<string?> Option, MeasuredExport Export)> _exports =
        [.. MeasuredExport.All.Select(e => (new Option<string?>(e.Option) { Description = e.Description }, e))];

    public void AddTo(Command command)
    {
        foreach (var (option, _) in _exports)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Writes every export asked for; false when one could not be written (the diagnostic is printed).</summary>
    public bool Write(CliContext context, ParseResult parse, IReadOnlyList<MeasuredRun> runs)
    {
        var ok = true;
        foreach (var (option, export) in _exports)
        {
            if (parse.GetValue(option) is { } file)
            {
                ok &= OutputFile.TryWrite(context, file, export.Write(runs), export.Option);
            }
        }

        return ok;
    }
}
