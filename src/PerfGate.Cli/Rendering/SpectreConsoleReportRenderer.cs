using System.Globalization;
using PerfGate.Reports;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PerfGate.Cli.Rendering;

/// <summary>
/// Draws Core's <see cref="ConsoleReportModel"/> with Spectre.Console: a rounded, expanded table; ANSI colour only
/// when asked (the CLI asks on a terminal without NO_COLOR). A pure function to a string, LF line ends.
/// </summary>
internal sealed class SpectreConsoleReportRenderer : IConsoleReportRenderer
{
    public static SpectreConsoleReportRenderer Instance { get; } = new();

    public string Render(ConsoleReportModel model, bool colour, int width)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;

        var table = new Table().Border(TableBorder.Rounded).Expand();
        foreach (var c in model.Columns)
        {
            table.AddColumn(Output.TableOutput.PlainColumn(c.Header, c.RightAligned ? Justify.Right : null, noWrap: !c.Wrap));
        }

        foreach (var row in model.Rows)
        {
            table.AddRow(row.Select(Cell).ToArray());
        }

        console.Write(Line(model.Headline));
        console.Write(table);
        foreach (var line in model.Footer)
        {
            console.Write(Line(line));
        }

        return writer.ToString();
    }

    private static Text Line(ConsoleCell cell) => new(cell.Text + "\n", StyleOf(cell.Tone));

    private static IRenderable Cell(ConsoleCell cell) => new Text(cell.Text, StyleOf(cell.Tone));

    private static Style StyleOf(ConsoleTone tone) => tone switch
    {
        ConsoleTone.Plain => Style.Plain,
        ConsoleTone.Good => new Style(Color.Green),
        ConsoleTone.Bad => new Style(Color.Red),
        ConsoleTone.Attention => new Style(Color.Yellow),
        ConsoleTone.Command => new Style(Color.Aqua),
        ConsoleTone.Strong => new Style(decoration: Decoration.Bold),
        _ => throw new ArgumentOutOfRangeException(nameof(tone), tone, "unknown console tone"),
    };
}
