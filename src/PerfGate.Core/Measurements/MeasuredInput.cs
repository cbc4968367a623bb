namespace PerfGate.Measurements;

/// <summary>A report's text (already decoded as strict UTF-8) and the path it is reported under.</summary>
public sealed record MeasuredInput(string File, string Text);
