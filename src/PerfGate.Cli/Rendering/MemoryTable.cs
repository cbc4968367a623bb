using PerfGate.Cli.Output;
using PerfGate.Memory;
using PerfGate.Reports;
using Spectre.Console;

namespace PerfGate.Cli.Rendering;

/// <summary>
/// The console view of <c>perfgate memory</c> (<see cref="MemoryBudgetText"/>): the headline, a rounded table with one
/// right-aligned column per group of identical cards, then the KV layout, blocks, requests, npuMemSize advice and verdict.
/// </summary>
internal static class MemoryTable
{
    public static void Write(IAnsiConsole console, MemoryBudget budget, MemoryRequest request)
    {
        Line(console, MemoryBudgetText.Headline(budget, request));
        var model = MemoryBudgetText.Table(budget);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(TableOutput.PlainColumn(model.Columns[0]));
        foreach (var label in model.Columns.Skip(1))
        {
            table.AddColumn(TableOutput.PlainColumn(label, Justify.Right));
        }

        foreach (var row in model.Rows)
        {
            table.AddPlainRow(row);
        }

        console.Write(table);
        foreach (var line in MemoryBudgetText.Lines(budget))
        {
            Line(console, line);
        }
    }

    private static void Line(IAnsiConsole console, string text) => console.Write(new Text(text + "\n"));
}
