using Spectre.Console;

namespace PerfGate.Cli.Commands;

/// <summary>A Spectre.Console console over the context's output writer (no colours unless a terminal).</summary>
internal static class ConsoleFactory
{
    public static IAnsiConsole Create(CliContext context, int width = 160)
    {
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
