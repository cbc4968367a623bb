using System.Globalization;
using Microsoft.Build.Framework;

namespace PerfGate.MSBuild;

/// <summary>Turning the tool's output and exit code into MSBuild diagnostics.</summary>
public sealed partial class PerfGateTask
{
    private const int ContextLines = 10;
    private readonly Queue<string> recentOutput = new();
    private int? toolExitCode;
    private int diagnosticCount;

    /// <summary>
    /// Tests only: runs instead of the process, given the tool path and the command line, and returns the exit
    /// code and the lines the tool would print.
    /// </summary>
    internal Func<string, string, (int ExitCode, IReadOnlyList<string> Lines)>? RunToolOverride { get; set; }

    /// <summary>Tests only: the environment the task reads (CI detection, DOTNET_HOST_PATH, PATH).</summary>
    internal Func<string, string?> GetEnvironmentVariable { get; set; } = Environment.GetEnvironmentVariable;

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        var diagnostic = CanonicalDiagnosticParser.TryParse(singleLine);
        if (diagnostic is null)
        {
            Remember(singleLine);
            Log.LogMessage(IsApprove ? MessageImportance.High : MessageImportance.Normal, singleLine);
            return;
        }

        diagnosticCount++;
        var file = diagnostic.File.Length == 0 ? null : ResolveFile(diagnostic.File);
        var message = IsDriftCode(diagnostic.Code)
            ? $"{diagnostic.Message} (from the build: dotnet build -p:PerfGateApprove=true)"
            : diagnostic.Message;
        var isError = IsDriftCode(diagnostic.Code) ? !DriftIsWarning : diagnostic.IsError;
        if (isError)
        {
            Log.LogError(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, diagnostic.EndLine, diagnostic.EndColumn, message);
        }
        else
        {
            Log.LogWarning(null, diagnostic.Code, null, file, diagnostic.Line, diagnostic.Column, diagnostic.EndLine, diagnostic.EndColumn, message);
        }
    }

    private static bool IsDriftCode(string code) =>
        code is TaskDiagnosticIds.Drift or TaskDiagnosticIds.NewScenario or TaskDiagnosticIds.RemovedScenario;

    /// <summary>Decides the result from the exit code: 0 passes, 1 passes only with drift as warning, else fails.</summary>
    private bool Conclude()
    {
        if (toolExitCode is not { } exitCode)
        {
            // The tool never ran; ToolTask has logged why (e.g. the host could not be started).
            if (!Log.HasLoggedErrors)
            {
                LogToolFailure("could not be started");
            }

            return false;
        }

        switch (exitCode)
        {
            case 0:
                Log.LogMessage(MessageImportance.High, IsApprove
                    ? $"PerfGate: baselines approved in {Workspace}"
                    : $"PerfGate: gate passed for {Workspace}");
                return true;
            case 1 when !IsApprove && DriftIsWarning && !Log.HasLoggedErrors:
                Log.LogMessage(MessageImportance.High, $"PerfGate: drift reported as warnings (PerfGateFailOnDrift=warning) for {Workspace}");
                return true;
            case not 0 when Log.HasLoggedErrors:
                return false;
            default:
                LogToolFailure(string.Create(CultureInfo.InvariantCulture, $"exited with code {exitCode}"));
                return false;
        }
    }

    private void LogToolFailure(string what)
    {
        var context = recentOutput.Count == 0 ? "it printed nothing" : "its last output:\n" + string.Join("\n", recentOutput);
        Log.LogError(null, TaskDiagnosticIds.ToolFailed, null, null, 0, 0, 0, 0,
            $"'perfgate {Command}' {what} without reporting a diagnostic ({diagnosticCount} reported); {context}. " +
            $"Run '{(RunsNative ? $"\"{NativeTool}\"" : $"dotnet exec \"{ToolAssembly}\"")} {Command} --workspace \"{Workspace}\"' to see the whole output.");
    }

    private void Remember(string line)
    {
        if (recentOutput.Count == ContextLines)
        {
            recentOutput.Dequeue();
        }

        recentOutput.Enqueue(line);
    }

    private string ResolveFile(string file)
    {
        try
        {
            return Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(Workspace, file));
        }
        catch (ArgumentException)
        {
            return file;
        }
    }
}
