using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Memory.Engines;
using PerfGate.Run;
using PerfGate.Tests.IO;
using PerfGate.Workspace;

namespace PerfGate.Tests.Run;

/// <summary>init and schema's file writes through the port, and the small readers the CLI now calls.</summary>
public sealed class InitRunTests
{
    [Fact]
    public void Init_writes_the_template_in_order_into_the_folder()
    {
        var files = new InMemoryFileSystem();

        var (written, diagnostics) = InitRun.Write(files, "/ws", force: false);

        Assert.Empty(diagnostics);
        Assert.Equal(WorkspaceTemplate.Files().Select(f => f.Key), written);
        Assert.All(WorkspaceTemplate.Files(), f => Assert.Equal(f.Value, files["/ws/" + f.Key]));
    }

    [Fact]
    public void Init_names_every_file_that_exists_and_writes_nothing_unless_forced()
    {
        var files = new InMemoryFileSystem { ["/ws/perfgate.yaml"] = "mine", ["/ws/.gitignore"] = "mine too" };

        var (written, diagnostics) = InitRun.Write(files, "/ws", force: false);

        Assert.Empty(written);
        Assert.Empty(files.Log);
        Assert.Equal([".gitignore", "perfgate.yaml"], diagnostics.Select(d => d.Location.File).Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal((DiagnosticIds.OutputNotWritable, "already exists; init writes nothing over your files (pass --force to overwrite)"), (d.Id, d.Message)));

        Assert.Empty(InitRun.Write(files, "/ws", force: true).Diagnostics);
        Assert.NotEqual("mine", files["/ws/perfgate.yaml"]);
    }

    [Fact]
    public void A_failed_write_stops_the_rest_and_says_which_were_written()
    {
        var files = new InMemoryFileSystem { FailOnWrite = 2 };

        var (written, diagnostics) = InitRun.Write(files, "/ws", force: false);

        Assert.Equal([WorkspaceTemplate.Files()[0].Key], written);
        var d = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticIds.OutputNotWritable, WorkspaceTemplate.Files()[1].Key), (d.Id, d.Location.File));
        Assert.StartsWith("init: cannot write the file: ", d.Message, StringComparison.Ordinal);
        Assert.Equal(2, files.Log.Count);
    }

    [Fact]
    public void Written_paths_are_shown_under_the_folder_as_the_user_named_it()
    {
        var files = new InMemoryFileSystem();

        var (written, _) = FilesWritten.Write(files, "/cwd/out/schemas", "out/schemas", [new("a.json", "{}"), new("b.json", "[]")], "--output");

        Assert.Equal(["out/schemas/a.json", "out/schemas/b.json"], written);
        Assert.Equal("[]", files["/cwd/out/schemas/b.json"]);
    }

    [Fact]
    public void A_huggingface_config_is_read_from_the_named_file_or_reported_at_its_path()
    {
        var files = new InMemoryFileSystem();
        files.Add("/cwd/qwq/config.json", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Catalog", "HuggingFace", "qwq-32b.config.json")));

        Assert.Equal("my-qwq", HuggingFaceConfigReader.ReadFile(files, "/cwd", "qwq/config.json", "my-qwq").Model!.Id);
        var missing = HuggingFaceConfigReader.ReadFile(files, "/cwd", "nope.json");
        Assert.Null(missing.Model);
        Assert.Equal((DiagnosticIds.FileNotFound, "nope.json"), (Assert.Single(missing.Diagnostics).Id, missing.Diagnostics[0].Location.File));
    }

    [Fact]
    public void The_engine_choices_come_from_the_registry()
    {
        Assert.Equal("mindie (default), vllm, sglang or tensorrt-llm (alias trtllm)", MemoryEngines.Choices);
    }
}
