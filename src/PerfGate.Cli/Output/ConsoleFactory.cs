using Spectre.Console;

namespace PerfGate.Cli.Output;

/// <summary>
/// Spectre.Console over the context's writer: colour and Unicode borders only on a terminal; elsewhere
/// (CI logs, files, tests) plain ASCII at a fixed width of 120 columns, so output is deterministic.
/// </summary>
internal static class ConsoleFactory
{
    public const int RedirectedWidth = 120;

    public static IAnsiConsole Create(CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = context.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = context.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(context.Out),
        });
        if (!context.IsTerminal)
        {
            console.Profile.Width = RedirectedWidth;
            console.Profile.Capabilities.Unicode = false;
        }

        return console;
    }

    /// <summary>Writes a table: Unicode borders on a terminal, ASCII elsewhere.</summary>
    public static void Write(this IAnsiConsole console, CliContext context, Table table)
    {
        if (!context.IsTerminal)
        {
            table.Border(TableBorder.Ascii);
        }

        console.Write(table);
    }
}
