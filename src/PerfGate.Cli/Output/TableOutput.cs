using PerfGate.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;

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
        var table = new Table().AddColumns([.. model.Columns.Select(h => PlainColumn(h))]);
        if (model.Title is { } title)
        {
            table.Title(Markup.Escape(title));
        }

        foreach (var row in model.Rows)
        {
            table.AddPlainRow(row);
        }

        table.Columns[0].NoWrap();
        console.Write(context, table);
    }

    /// <summary>
    /// A header as plain text, never Spectre markup: PerfGate prints data ('[' and ':name:' stay as written), and the first
    /// markup parse builds Spectre's emoji table with culture-aware (ICU) keys, the largest single cost of a 300-scenario check.
    /// </summary>
    public static TableColumn PlainColumn(string header, Justify? alignment = null, bool noWrap = false) => new(new Text(header)) { Alignment = alignment, NoWrap = noWrap };

    /// <summary>Cells as plain text (see <see cref="PlainColumn"/>).</summary>
    public static Table AddPlainRow(this Table table, IEnumerable<string> cells) => table.AddRow([.. cells.Select(c => (IRenderable)new Text(c))]);
}
