using PerfGate.Diagnostics;

namespace PerfGate.Memory;

/// <summary>What reading a MindIE config.json gave: the config (null when it could not be read at all) and every finding.</summary>
public sealed record MindieConfigReadResult(MindieConfig? Config, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
