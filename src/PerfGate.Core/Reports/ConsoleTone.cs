namespace PerfGate.Reports;

/// <summary>How a console cell or line is emphasised; the renderer maps it to a colour (or to nothing without colour).</summary>
public enum ConsoleTone
{
    Plain,

    /// <summary>Equal scenario, improvement (green).</summary>
    Good,

    /// <summary>Drifted scenario, regression (red).</summary>
    Bad,

    /// <summary>New or removed scenario (yellow).</summary>
    Attention,

    /// <summary>A command to copy (aqua).</summary>
    Command,

    /// <summary>The headline (bold).</summary>
    Strong,
}
