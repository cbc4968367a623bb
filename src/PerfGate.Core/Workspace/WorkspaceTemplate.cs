namespace PerfGate.Workspace;

/// <summary>
/// What <c>perfgate init</c> writes into an empty folder: perfgate.yaml, one sample scenario, a .gitignore for
/// received snapshots, a GitHub Actions workflow, and the JSON Schemas the YAML files point at through their
/// <c>yaml-language-server: $schema=</c> line (so editors complete and check keys offline). Pure: paths and texts.
/// </summary>
public static class WorkspaceTemplate
{
    /// <summary>Where init puts the schemas, relative to the workspace root.</summary>
    public const string SchemaFolder = ".perfgate/schemas";

    public const string SampleScenarioId = "llama-3-8b-h100";

    /// <summary>The files, workspace-relative with '/' separators, in the order they are written.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Files()
    {
        var files = new List<KeyValuePair<string, string>>
        {
            new("perfgate.yaml", $$"""
                # yaml-language-server: $schema={{SchemaFolder}}/perfgate.schema.json
                # PerfGate workspace: every scenario below is recomputed by 'perfgate check' and compared with its
                # committed baseline in baselines/. Approve a change with 'perfgate approve <scenario>' and commit it.
                catalog: []                 # folders of your own hardware/nic/model documents
                scenarios: [scenarios/*.yaml]
                baselines: baselines

                """),
            new($"scenarios/{SampleScenarioId}.yaml", $$"""
                # yaml-language-server: $schema=../{{SchemaFolder}}/scenario.schema.json
                kind: scenario
                id: {{SampleScenarioId}}
                description: Llama 3 8B decode on one H100 SXM (edit or copy this file for your deployments)
                model: llama-3-8b            # 'perfgate catalog list' shows the built-in models and hardware
                hardware: h100-sxm
                decode:
                  batch: 16
                  context: 4096

                """),
            new(".gitignore", "# Snapshots 'perfgate check' writes when a result differs from its baseline (never committed)\n*.received.*\n"),
            new(".github/workflows/perfgate.yml", """
                name: perfgate
                # Recompute every scenario on each pull request; drift fails the job with annotations on the baseline
                # lines and a summary. Approve on your machine (perfgate approve <scenario>), never here.
                on:
                  pull_request:
                  push:
                    branches: [main]
                permissions:
                  contents: read
                jobs:
                  gate:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@v4
                      - uses: actions/setup-dotnet@v4
                        with:
                          dotnet-version: '10.0.x'
                      - run: dotnet tool install --global perfgate
                      - run: perfgate check --report console --report markdown --report junit=perfgate-junit.xml

                """),
        };
        files.AddRange(Schemas.JsonSchemas.Names.Select(n => new KeyValuePair<string, string>($"{SchemaFolder}/{n}", Schemas.JsonSchemas.Read(n))));
        return files;
    }
}
