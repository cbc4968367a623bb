namespace PerfGate.Reports;

/// <summary>
/// The registration list of diagnostic formats: adding one is a class implementing <see cref="IDiagnosticFormat"/> and
/// one line here. <c>--diagnostics-format</c> accepts <see cref="Auto"/> and every name listed.
/// </summary>
public static class DiagnosticFormats
{
    /// <summary>The option value that picks <see cref="GitHub"/> inside GitHub Actions, else <see cref="MsBuild"/>.</summary>
    public const string Auto = "auto";

    public static IDiagnosticFormat MsBuild { get; } = new MsBuildDiagnosticFormat();

    public static IDiagnosticFormat GitHub { get; } = new GitHubDiagnosticFormat();

    public static IReadOnlyList<IDiagnosticFormat> All { get; } = [MsBuild, GitHub];

    /// <summary>Every value <c>--diagnostics-format</c> accepts: auto, then the registered names.</summary>
    public static IReadOnlyList<string> Names { get; } = [Auto, .. All.Select(f => f.Name)];

    /// <summary>The format for an option value; <see cref="Auto"/> resolves by <paramref name="gitHubActions"/>. Null for an unknown name.</summary>
    public static IDiagnosticFormat? Resolve(string name, bool gitHubActions) => name == Auto
        ? gitHubActions ? GitHub : MsBuild
        : All.FirstOrDefault(f => f.Name == name);
}
