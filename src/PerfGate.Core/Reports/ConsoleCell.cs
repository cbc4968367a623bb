namespace PerfGate.Reports;

/// <summary>One cell or line of the console report: its text and emphasis.</summary>
public readonly record struct ConsoleCell(string Text, ConsoleTone Tone = ConsoleTone.Plain)
{
    public static ConsoleCell Empty { get; } = new(string.Empty);
}
