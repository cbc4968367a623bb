using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Run;
using PerfGate.Workspace;

namespace PerfGate.Measurements;

/// <summary>
/// Reads the benchmark reports a user named (<c>perfgate measured import|compare|approve</c>), each with its sidecar
/// YAML (<see cref="MeasuredSidecar.PathFor"/>) when it has one, through the <see cref="IFileSystem"/> port; paths are
/// relative to <paramref name="currentDirectory"/> and every problem is a diagnostic at the file as named.
/// </summary>
public sealed class MeasuredReportReader(IFileSystem files, string currentDirectory)
{
    /// <summary>GuideLLM's JSON with per-request detail can be large; anything past 256 MiB is not a benchmark summary.</summary>
    public const long MaxReportBytes = 256L << 20;

    public const long MaxSidecarBytes = 1 << 20;

    private static string Purpose => "a benchmark report (" + MeasuredFormats.Ids + ")";

    /// <summary>
    /// Every report's runs, in order. A report is read in <paramref name="format"/> when given (else the format is
    /// detected); what <paramref name="told"/> says (the command line) overrides the sidecar, which overrides the report.
    /// </summary>
    public IReadOnlyList<MeasuredRun> Read(IEnumerable<string> paths, string? format, MeasuredSystem told, ICollection<Diagnostic> problems)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(told);
        ArgumentNullException.ThrowIfNull(problems);
        if (told.Cards is < 1)
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--cards: {told.Cards} must be at least 1", SourceLocation.None));
        }

        var runs = new List<MeasuredRun>();
        foreach (var path in paths)
        {
            if (InputFiles.ReadText(files, currentDirectory, path, Purpose, MaxReportBytes, problems) is not { } text)
            {
                continue;
            }

            var sidecarText = SidecarText(path, problems);
            var sidecar = sidecarText is null ? null : MeasuredSidecar.Read(sidecarText, MeasuredSidecar.PathFor(path), problems);
            var result = MeasuredImport.Read(new MeasuredInput(path.Replace('\\', '/'), text), format, (sidecar ?? MeasuredSystem.Unknown).OverriddenBy(told));
            foreach (var d in result.Diagnostics)
            {
                problems.Add(d);
            }

            runs.AddRange(result.Runs);
        }

        return runs;
    }

    /// <summary>The reports as they are (text and sidecar text), for a measured gate's approval (<see cref="MeasuredGateRun"/>).</summary>
    public IReadOnlyList<MeasuredReportFile> ReadFiles(IEnumerable<string> paths, ICollection<Diagnostic> problems)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var reports = new List<MeasuredReportFile>();
        foreach (var path in paths)
        {
            if (InputFiles.ReadText(files, currentDirectory, path, Purpose, MaxReportBytes, problems) is { } text)
            {
                reports.Add(new MeasuredReportFile(path.Replace('\\', '/'), text, SidecarText(path, problems)));
            }
        }

        return reports;
    }

    private string? SidecarText(string report, ICollection<Diagnostic> problems)
    {
        var path = MeasuredSidecar.PathFor(report);
        if (!files.FileExists(Path.GetFullPath(path, currentDirectory))
            || InputFiles.ReadBytes(files, currentDirectory, path, "a measured-report sidecar YAML", MaxSidecarBytes, problems) is not { } bytes)
        {
            return null;
        }

        var text = InputText.Decode(bytes, path, out var error);
        if (error is not null)
        {
            problems.Add(error);
        }

        return text;
    }
}
