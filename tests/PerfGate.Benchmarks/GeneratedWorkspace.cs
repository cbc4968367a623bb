using System.Text.RegularExpressions;

namespace PerfGate.Benchmarks;

/// <summary>
/// A workspace of N scenarios in a temporary folder, for the gate's scale benchmarks: copies of the repository's
/// decode and memory scenarios (the configuration-search scenario is left out: one search is a whole grid, about
/// 10 ms, and would measure the search, not the gate's per-scenario cost), each under its own id
/// (<c>&lt;id&gt;-0001</c>, ...), with the measured reports they name, in the repository's perfgate.yaml settings. Baselines are written by the caller.
/// </summary>
internal sealed partial class GeneratedWorkspace : IDisposable
{
    private GeneratedWorkspace(string root) => Root = root;

    public string Root { get; }

    public static GeneratedWorkspace Create(string repositoryRoot, int scenarios)
    {
        var root = Path.Combine(Path.GetTempPath(), $"perfgate-bench-{scenarios}-{Guid.NewGuid():N}");
        var folder = Path.Combine(root, "scenarios");
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Path.Combine(root, "baselines"));

        // The scenarios' measured: reports are named relative to their file (../measured/...): the copies sit one
        // folder below the root as the originals do, so the reports go beside that folder.
        var measured = Path.Combine(repositoryRoot, "baselines", "measured");
        Directory.CreateDirectory(Path.Combine(root, "measured"));
        foreach (var file in Directory.GetFiles(measured))
        {
            File.Copy(file, Path.Combine(root, "measured", Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(root, "perfgate.yaml"), "scenarios:\n  - scenarios/*.yaml\nbaselines: baselines\nrounding:\n  significantDigits: 6\n");
        var templates = Directory.GetFiles(Path.Combine(repositoryRoot, "baselines", "scenarios"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Where(text => !text.Contains("\nsearch:", StringComparison.Ordinal))
            .ToArray();
        for (var i = 0; i < scenarios; i++)
        {
            var template = templates[i % templates.Length];
            var copy = i / templates.Length;
            var text = IdLine().Replace(template, m => $"id: {m.Groups[1].Value}-{copy:D4}", 1);
            var id = IdLine().Match(text).Groups[1].Value;
            File.WriteAllText(Path.Combine(folder, id + ".yaml"), text);
        }

        return new GeneratedWorkspace(root);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    [GeneratedRegex(@"(?m)^id: *(\S+) *$")]
    private static partial Regex IdLine();
}
