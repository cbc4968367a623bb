using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PerfGate.MSBuild;

/// <summary>
/// Runs the perfgate CLI shipped in this package out of process (its native executable for this machine when the
/// package has one, else <c>dotnet exec tools/perfgate/perfgate.dll</c>) and
/// turns its canonical diagnostic lines into MSBuild errors and warnings with their code, file, line and column.
/// The engine and its dependencies (YamlDotNet, Microsoft.Extensions.*) never load into MSBuild's process;
/// see ARCHITECTURE.md, "MSBuild integration".
/// </summary>
public sealed partial class PerfGateTask : ToolTask
{
    public const string CheckCommand = "check";
    public const string ApproveCommand = "approve";

    /// <summary>Full path of <c>perfgate.dll</c> (the package's <c>tools/perfgate/perfgate.dll</c>).</summary>
    [Required]
    public string ToolAssembly { get; set; } = string.Empty;

    /// <summary>The folder holding perfgate.yaml; the tool runs there.</summary>
    [Required]
    public string Workspace { get; set; } = string.Empty;

    /// <summary><c>check</c> (default) or <c>approve</c> (every scenario, never under CI).</summary>
    public string Command { get; set; } = CheckCommand;

    /// <summary>
    /// <c>error</c> (default): drift, new and removed scenarios fail the build. <c>warning</c>: they are reported
    /// as warnings and the build goes on.
    /// </summary>
    public string FailOnDrift { get; set; } = "error";

    /// <summary>Values of <c>--report</c>, e.g. <c>markdown=obj/perfgate.md</c>; paths are relative to the workspace.</summary>
    public string[] Reports { get; set; } = [];

    /// <summary>
    /// The native perfgate executable built for this machine (the package's <c>tools/perfgate-native/&lt;rid&gt;/perfgate</c>),
    /// or empty. When it exists it runs directly (no runtime start-up, about 0.1 s instead of 0.2 s and more);
    /// otherwise <see cref="ToolAssembly"/> runs under <c>dotnet exec</c>.
    /// </summary>
    public string? NativeTool { get; set; }

    /// <summary>The <c>dotnet</c> host to run the tool with (MSBuild's DOTNET_HOST_PATH); found on PATH when empty.</summary>
    public string? DotnetHostPath { get; set; }

    /// <summary>Where check leaves the list of files it read (<c>--inputs-file</c>): the next build's incremental inputs.</summary>
    public string? InputsFile { get; set; }

    /// <summary>Touched when the gate passes and deleted when it fails, so a failed gate runs again next build.</summary>
    public string? StampFile { get; set; }

    protected override string ToolName => OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

    protected override Encoding StandardOutputEncoding => Encoding.UTF8;

    protected override Encoding StandardErrorEncoding => Encoding.UTF8;

    private bool IsApprove => string.Equals(Command, ApproveCommand, StringComparison.OrdinalIgnoreCase);

    private bool DriftIsWarning => string.Equals(FailOnDrift, "warning", StringComparison.OrdinalIgnoreCase);

    public override bool Execute()
    {
        var passed = false;
        try
        {
            if (ValidateSettings())
            {
                EnvironmentVariables = [.. EnvironmentVariables ?? [], "NO_COLOR=1", "DOTNET_NOLOGO=1"];
                base.Execute();
                passed = Conclude();
            }
        }
        finally
        {
            UpdateStamp(passed && !Log.HasLoggedErrors);
        }

        return passed && !Log.HasLoggedErrors;
    }

    /// <summary>True when <see cref="NativeTool"/> names an executable that exists: it runs instead of <c>dotnet exec</c>.</summary>
    private bool RunsNative => !string.IsNullOrEmpty(NativeTool) && File.Exists(NativeTool);

    protected override string GenerateFullPathToTool()
    {
        if (RunsNative)
        {
            return NativeTool!;
        }

        if (!string.IsNullOrEmpty(DotnetHostPath))
        {
            return DotnetHostPath;
        }

        var fromEnvironment = GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        var path = GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir.Trim(), ToolName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return ToolName;
    }

    protected override string GetWorkingDirectory() => Workspace;

    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder(quoteHyphensOnCommandLine: false, useNewLineSeparator: false);
        if (!RunsNative)
        {
            builder.AppendSwitch("exec");
            builder.AppendFileNameIfNotNull(ToolAssembly);
        }

        builder.AppendSwitch(IsApprove ? ApproveCommand : CheckCommand);
        builder.AppendSwitchIfNotNull("--workspace ", Path.TrimEndingDirectorySeparator(Workspace));
        if (IsApprove)
        {
            builder.AppendSwitch("--all");
            return builder.ToString();
        }

        builder.AppendSwitchIfNotNull("--diagnostics-format ", "msbuild");
        builder.AppendSwitchIfNotNull("--drift-as ", DriftIsWarning ? "warning" : "error");
        foreach (var report in Reports.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            builder.AppendSwitchIfNotNull("--report ", report.Trim());
        }

        if (!string.IsNullOrEmpty(InputsFile))
        {
            builder.AppendSwitchIfNotNull("--inputs-file ", InputsFile);
        }

        return builder.ToString();
    }

    protected override int ExecuteTool(string pathToTool, string responseFileCommands, string commandLineCommands)
    {
        int exitCode;
        if (RunToolOverride is { } run)
        {
            var (code, lines) = run(pathToTool, commandLineCommands.Trim());
            foreach (var line in lines)
            {
                LogEventsFromTextOutput(line, StandardOutputLoggingImportance);
            }

            exitCode = code;
        }
        else
        {
            exitCode = base.ExecuteTool(pathToTool, responseFileCommands, commandLineCommands);
        }

        toolExitCode = exitCode;
        return exitCode;
    }

    /// <summary>The exit code is judged in <see cref="Conclude"/>, which knows about --drift-as warning.</summary>
    protected override bool HandleTaskExecutionErrors() => true;
}
