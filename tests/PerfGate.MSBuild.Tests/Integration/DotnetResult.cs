namespace PerfGate.MSBuild.Tests.Integration;

/// <summary>What a <c>dotnet</c> command returned; <see cref="ToString"/> is the whole transcript for assertion messages.</summary>
internal sealed record DotnetResult(int ExitCode, string Output, string Command)
{
    public IEnumerable<string> Lines => Output.Split('\n');

    public override string ToString() => $"dotnet {Command} -> exit {ExitCode}\n{Output}";
}
