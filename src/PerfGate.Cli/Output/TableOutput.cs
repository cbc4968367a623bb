using PerfGate.Reports;
using Spectre.Console;

namespace PerfGate.Cli.Output;

/// <summary>Writes tables: Unicode borders on a terminal, ASCII elsewhere (CI logs, files, tests).</summary>
internal static class TableOutput
{
    public static void Write(this IAnsiConsole console, CliContext context, Table table)
    {
        if (!context.IsTerminal)
        {
            table.Border(TableBorder.Ascii);
        }

        console.Write(table);
    }

    /// <summary>Draws Core's <see cref="TextTable"/>: every cell as plain text, the id column not wrapped.</summary>
    public static void Write(this IAnsiConsole console, CliContext context, TextTable model)
    {
        var table = new Table().AddColumns([.. model.Columns]);
        if (model.Title is { } title)
        {
            table.Title(Markup.Escape(title));
        }

        foreach (var row in model.Rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        table.Columns[0].NoWrap();
        console.Write(context, table);
    }
}
