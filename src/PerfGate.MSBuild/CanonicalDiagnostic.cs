namespace PerfGate.MSBuild;

/// <summary>
/// One diagnostic line printed by <c>perfgate ... --diagnostics-format msbuild</c>, as parsed by
/// <see cref="CanonicalDiagnosticParser"/>. <see cref="File"/> is empty when the line named no file
/// (e.g. <c>perfgate: error PG2014: ...</c>); <see cref="Line"/> and <see cref="Column"/> are 0 when unknown.
/// </summary>
internal sealed record CanonicalDiagnostic(
    string File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    bool IsError,
    string Code,
    string Message);
