namespace PerfGate.Reports;

/// <summary>
/// MSBuild canonical lines, <c>file(line,col): error PG1001: ...</c>, which IDEs and setup-dotnet's problem matcher
/// read, in the order given.
/// </summary>
public sealed class MsBuildDiagnosticFormat : IDiagnosticFormat
{
    public string Name => "msbuild";

    public string Write(IReadOnlyList<GateFinding> findings) =>
        string.Concat(findings.Select(f => f.Diagnostic.ToCanonicalString() + "\n"));
}
