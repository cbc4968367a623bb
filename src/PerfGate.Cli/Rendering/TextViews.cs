using PerfGate.Cli.Commands;
using PerfGate.Cli.Output;
using PerfGate.Reports;
using Spectre.Console;

namespace PerfGate.Cli.Rendering;

/// <summary>
/// Draws Core's text views of an estimate or a search (<see cref="DecodeEstimateText"/>, <see cref="PrefillEstimateText"/>,
/// <see cref="SearchText"/>): the table with a simple border, every cell as plain text, then the lines after it.
/// </summary>
internal static class TextViews
{
    public static void Write(CliContext context, TextTable model, IEnumerable<string> lines, int width = 160)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns([.. model.Columns.Select(h => TableOutput.PlainColumn(h))]);
        foreach (var row in model.Rows)
        {
            table.AddPlainRow(row);
        }

        ConsoleFactory.Create(context, width).Write(table);
        foreach (var line in lines)
        {
            context.Out.WriteLine(line);
        }
    }
}
