namespace PerfGate.Tests.Gate;

/// <summary>A throwaway workspace on disk: perfgate.yaml, scenario files, a baselines folder; deleted on dispose.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Directory.CreateTempSubdirectory("perfgate-ws-").FullName;
        Write("perfgate.yaml", "scenarios:\n  - scenarios/*.yaml\nbaselines: baselines\n");
        WriteScenario("llama", batch: 32);
    }

    public string Root { get; }

    public string Baselines => Path.Combine(Root, "baselines");

    public void Write(string relative, string text)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Root, relative));

    public bool Exists(string relative) => File.Exists(Path.Combine(Root, relative));

    public void WriteScenario(string id, int batch, string model = "llama-3-8b", string hardware = "h100-sxm") => Write(
        $"scenarios/{id}.yaml",
        $"kind: scenario\nid: {id}\nmodel: {model}\nhardware: {hardware}\ndecode:\n  batch: {batch}\n  context: 4096\n");

    public (int ExitCode, string Out, string Error) Run(IReadOnlyDictionary<string, string>? env, params string[] args) =>
        AppHarness.Run(Root, env, args);

    public (int ExitCode, string Out, string Error) Run(params string[] args) => Run(null, args);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
