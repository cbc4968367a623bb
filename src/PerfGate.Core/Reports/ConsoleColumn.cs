namespace PerfGate.Reports;

/// <summary>A column of the console table: its header, whether it is right-aligned, whether it may wrap.</summary>
public sealed record ConsoleColumn(string Header, bool RightAligned = false, bool Wrap = true);
