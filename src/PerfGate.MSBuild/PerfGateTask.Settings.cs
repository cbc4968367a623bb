namespace PerfGate.MSBuild;

/// <summary>Checking the task's inputs before any tool runs, and the incremental stamp.</summary>
public sealed partial class PerfGateTask
{
    private bool ValidateSettings()
    {
        if (!string.Equals(Command, CheckCommand, StringComparison.OrdinalIgnoreCase) && !IsApprove)
        {
            Log.LogError(null, TaskDiagnosticIds.InvalidSetting, null, null, 0, 0, 0, 0,
                $"PerfGateTask Command='{Command}' is not valid; use 'check' or 'approve'.");
        }

        if (!string.Equals(FailOnDrift, "error", StringComparison.OrdinalIgnoreCase) && !DriftIsWarning)
        {
            Log.LogError(null, TaskDiagnosticIds.InvalidSetting, null, null, 0, 0, 0, 0,
                $"PerfGateFailOnDrift='{FailOnDrift}' is not valid; use 'error' (drift fails the build) or 'warning' (drift is reported, the build goes on).");
        }

        if (!Directory.Exists(Workspace))
        {
            Log.LogError(null, TaskDiagnosticIds.FileNotFound, null, null, 0, 0, 0, 0,
                $"PerfGateWorkspace '{Workspace}' does not exist; set PerfGateWorkspace to the folder holding perfgate.yaml, or PerfGateEnabled=false.");
        }

        if (!File.Exists(ToolAssembly))
        {
            Log.LogError(null, TaskDiagnosticIds.ToolNotFound, null, null, 0, 0, 0, 0,
                $"The perfgate tool '{ToolAssembly}' was not found; the PerfGate.MSBuild package looks incomplete. Restore it again (dotnet restore --force).");
        }

        var host = GenerateFullPathToTool();
        if (!RunsNative && !File.Exists(host))
        {
            Log.LogError(null, TaskDiagnosticIds.ToolNotFound, null, null, 0, 0, 0, 0,
                $"No dotnet host to run perfgate: '{host}' does not exist. `dotnet build` passes its own (DOTNET_HOST_PATH); elsewhere put dotnet on PATH.");
        }

        if (IsApprove && CiEnvironment.DetectedBy(GetEnvironmentVariable) is { } variable)
        {
            Log.LogError(null, TaskDiagnosticIds.ApproveRefusedOnCi, null, null, 0, 0, 0, 0,
                $"PerfGateApprove=true is refused under CI ({variable} is set): baselines are approved on a developer machine and committed for review. " +
                "Run 'dotnet build -p:PerfGateApprove=true' locally, or 'perfgate approve --all'.");
        }

        return !Log.HasLoggedErrors;
    }

    private void UpdateStamp(bool passed)
    {
        // Approve leaves a passing stamp to the check that follows it; a failure deletes it either way.
        if (string.IsNullOrEmpty(StampFile) || (passed && IsApprove))
        {
            return;
        }

        try
        {
            if (passed)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StampFile))!);
                File.WriteAllText(StampFile, Workspace + "\n");
                File.SetLastWriteTimeUtc(StampFile, DateTime.UtcNow);
            }
            else if (File.Exists(StampFile))
            {
                // A failed gate must run again on the next build instead of going green because its stamp is newer.
                File.Delete(StampFile);
            }
        }
        catch (IOException ex)
        {
            Log.LogWarning(null, TaskDiagnosticIds.ToolFailed, null, StampFile, 0, 0, 0, 0,
                $"Could not update the PerfGate stamp file: {ex.Message}. The gate will run again on the next build.");
        }
        catch (UnauthorizedAccessException ex)
        {
            Log.LogWarning(null, TaskDiagnosticIds.ToolFailed, null, StampFile, 0, 0, 0, 0,
                $"Could not update the PerfGate stamp file: {ex.Message}. The gate will run again on the next build.");
        }
    }
}
