namespace PerfGate.Tests.Commands;

/// <summary>perfgate init and perfgate schema, and the newcomer's path of the README: init, approve, a change that fails, approve.</summary>
public sealed class InitAndSchemaTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("perfgate-init-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args) => AppHarness.RunIn(_dir, args);

    [Fact]
    public void Init_then_approve_then_a_change_fails_then_approve_passes()
    {
        var (code, output, _) = Run("init");
        Assert.Equal(0, code);
        Assert.Contains("created  perfgate.yaml", output, StringComparison.Ordinal);
        Assert.Equal("# Snapshots 'perfgate check' writes when a result differs from its baseline (never committed)\n*.received.*\n", File.ReadAllText(Path.Combine(_dir, ".gitignore")));
        Assert.StartsWith("# yaml-language-server: $schema=.perfgate/schemas/perfgate.schema.json\n", File.ReadAllText(Path.Combine(_dir, "perfgate.yaml")), StringComparison.Ordinal);
        Assert.StartsWith("# yaml-language-server: $schema=../.perfgate/schemas/scenario.schema.json\n", File.ReadAllText(Path.Combine(_dir, "scenarios", "llama-3-8b-h100.yaml")), StringComparison.Ordinal);
        Assert.Contains("perfgate check", File.ReadAllText(Path.Combine(_dir, ".github", "workflows", "perfgate.yml")), StringComparison.Ordinal);
        Assert.Equal(PerfGate.Schemas.JsonSchemas.Read("scenario.schema.json"), File.ReadAllText(Path.Combine(_dir, ".perfgate", "schemas", "scenario.schema.json")));

        Assert.Equal(1, Run("check").Code);                       // new scenario, no baseline yet
        Assert.Equal(0, Run("approve", "llama-3-8b-h100").Code);
        Assert.Equal(0, Run("check").Code);

        var scenario = Path.Combine(_dir, "scenarios", "llama-3-8b-h100.yaml");
        File.WriteAllText(scenario, File.ReadAllText(scenario).Replace("batch: 16", "batch: 32", StringComparison.Ordinal));
        var (failing, report, _) = Run("check", "--diagnostics-format", "msbuild");
        Assert.Equal(1, failing);
        Assert.Contains("decode.batch: 16 -> 32", report, StringComparison.Ordinal);
        Assert.Equal(0, Run("approve", "llama-3-8b-h100").Code);
        Assert.Equal(0, Run("check").Code);
    }

    [Fact]
    public void Init_writes_nothing_over_existing_files_without_force()
    {
        File.WriteAllText(Path.Combine(_dir, "perfgate.yaml"), "mine\n");
        var (code, _, error) = Run("init");
        Assert.Equal(2, code);
        Assert.Contains("perfgate.yaml: error PG2017: already exists; init writes nothing over your files (pass --force to overwrite)", error, StringComparison.Ordinal);
        Assert.Equal("mine\n", File.ReadAllText(Path.Combine(_dir, "perfgate.yaml")));
        Assert.False(File.Exists(Path.Combine(_dir, ".gitignore")));
        Assert.Equal(0, Run("init", "--force").Code);
    }

    [Fact]
    public void Schema_writes_every_schema_to_the_folder()
    {
        var (code, output, _) = Run("schema", "--output", "schemas");
        Assert.Equal(0, code);
        foreach (var name in PerfGate.Schemas.JsonSchemas.Names)
        {
            Assert.Contains($"wrote    schemas/{name}", output, StringComparison.Ordinal);
            Assert.Equal(PerfGate.Schemas.JsonSchemas.Read(name), File.ReadAllText(Path.Combine(_dir, "schemas", name)));
        }

        Assert.Equal(2, Run("schema").Code);
    }
}
