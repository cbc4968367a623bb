using Spectre.Console;

namespace PerfGate.Cli.Commands;

/// <summary>
/// A Spectre.Console console over the context's output writer (no colours unless a terminal). Tables are laid out
/// for <c>COLUMNS</c> when it is set (as terminals and CI runners export it), else for the width the command asks for;
/// a table wider than that wraps its cells at spaces, and id columns are marked not to wrap.
/// </summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole Create(CliContext context, int width = 160)
    {
        if (int.TryParse(context.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns >= 40)
        {
            width = columns;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Out),
            Ansi = context.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = context.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        return console;
    }
}
