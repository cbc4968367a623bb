namespace PerfGate.MSBuild.Tests.Integration;

/// <summary>What a command returned; <see cref="ToString"/> is the whole transcript for assertion messages.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Command)
{
    public IEnumerable<string> Lines => Output.Split('\n');

    public override string ToString() => $"{Command} -> exit {ExitCode}\n{Output}";
}
