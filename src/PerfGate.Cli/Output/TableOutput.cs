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
}
