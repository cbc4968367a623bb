using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Memory;

/// <summary>
/// Reads the MindIE config.json a scenario names (<c>memory.mindieConfig</c>, resolved to an absolute path by the
/// workspace loader) through the file system passed in. The one place both <c>perfgate memory --scenario</c> and the
/// gate read it, so they accept and refuse the same files; diagnostics name it relative to the workspace root.
/// </summary>
public static class ScenarioMindieConfig
{
    public const long MaxConfigBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The parsed config, or null: when the scenario names none (no diagnostic), or when it cannot be read or parsed
    /// (an error in <paramref name="diagnostics"/>).
    /// </summary>
    public static MindieConfig? Read(string workspaceRoot, ScenarioSpec scenario, IFileSystem fs, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(fs);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (scenario.Memory?.MindieConfig is not { } absolute)
        {
            return null;
        }

        var shown = WorkspacePaths.RelativeInside(workspaceRoot, absolute) ?? absolute;
        if (!fs.FileExists(absolute))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"file not found: {shown}", scenario.LocationOf("memory.mindieConfig")));
            return null;
        }

        if (fs.GetFileLength(absolute) > MaxConfigBytes)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.HostileInput, $"{shown} is larger than {MaxConfigBytes} bytes; that is no MindIE config.json", scenario.LocationOf("memory.mindieConfig")));
            return null;
        }

        var read = MindieConfigReader.Read(fs.ReadAllBytes(absolute), shown);
        foreach (var d in read.Diagnostics)
        {
            diagnostics.Add(d);
        }

        return read.Config;
    }
}
