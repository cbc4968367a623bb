using PerfGate.Diagnostics;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Memory;

/// <summary>
/// Parses the MindIE config.json a scenario names (<c>memory.mindieConfig</c>) from the bytes the workspace loader read
/// and hashed (<see cref="LoadedWorkspace.Contents"/>): the file is never opened a second time, so the hash in a snapshot
/// is the hash of the bytes evaluated. The one place both <c>perfgate memory --scenario</c> and the gate parse it, so they
/// accept and refuse the same files; diagnostics name it relative to the workspace root.
/// </summary>
public static class ScenarioMindieConfig
{
    public const long MaxConfigBytes = 16L * 1024 * 1024;

    /// <summary>
    /// The parsed config, or null: when the scenario names none (no diagnostic), or when it cannot be parsed
    /// (an error in <paramref name="diagnostics"/>).
    /// </summary>
    public static MindieConfig? Read(LoadedWorkspace workspace, ScenarioSpec scenario, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (scenario.Memory?.MindieConfig is not { } relative)
        {
            return null;
        }

        if (!workspace.Contents.TryGetValue(relative, out var bytes))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"file not found: {relative}", scenario.LocationOf("memory.mindieConfig")));
            return null;
        }

        var read = MindieConfigReader.Read(bytes.ToArray(), relative);
        foreach (var d in read.Diagnostics)
        {
            diagnostics.Add(d);
        }

        return read.Config;
    }
}
