using System.Text;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Tests.IO;
using PerfGate.Workspace;

namespace PerfGate.Tests.Workspace;

/// <summary>Inputs from the robustness sweep: each ends in one located diagnostic, never an exception.</summary>
public sealed class HostileWorkspaceTests
{
    private const string Scenario = "kind: scenario\nid: s1\nmodel: llama-3-8b\nhardware: h100-sxm\n";

    private static Diagnostic SingleError(IFileSystem fs)
    {
        var result = WorkspaceLoader.Load(fs, "/ws");
        Assert.Null(result.Workspace);
        return Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_folder_named_perfgate_yaml_is_reported_as_a_folder()
    {
        var fs = new InMemoryFileSystem { ["/ws/perfgate.yaml/x.yaml"] = "a: 1\n" };
        Assert.Equal(
            "perfgate.yaml: error PG2010: 'perfgate.yaml' in '/ws' is a folder; the workspace settings must be a YAML file of that name",
            SingleError(fs).ToCanonicalString());
    }

    [Fact]
    public void A_scenario_path_that_is_a_folder_suggests_a_glob()
    {
        var fs = new InMemoryFileSystem
        {
            ["/ws/perfgate.yaml"] = "scenarios:\n  - scenarios\n",
            ["/ws/scenarios/s.yaml"] = Scenario,
        };
        Assert.Equal(
            "perfgate.yaml(2,5): error PG2010: scenario file 'scenarios' is a folder; name a YAML file, or its files with a glob such as 'scenarios/*.yaml'",
            SingleError(fs).ToCanonicalString());
    }

    [Fact]
    public void Baselines_naming_a_file_is_refused_before_the_gate_writes_into_it()
    {
        var fs = new InMemoryFileSystem
        {
            ["/ws/perfgate.yaml"] = "scenarios: [s.yaml]\nbaselines: notes.txt\n",
            ["/ws/s.yaml"] = Scenario,
            ["/ws/notes.txt"] = "x",
        };
        Assert.Equal(
            "perfgate.yaml(2,1): error PG2010: 'baselines' names 'notes.txt', which is a file; name a folder",
            SingleError(fs).ToCanonicalString());
    }

    [Fact]
    public void Invalid_utf8_in_a_scenario_is_located_at_the_bad_byte()
    {
        var fs = new InMemoryFileSystem { ["/ws/perfgate.yaml"] = "scenarios: [s.yaml]\n" };
        fs.Add("/ws/s.yaml", [.. Encoding.UTF8.GetBytes("kind: scenario\nid: "), 0xFE, (byte)'\n']);
        Assert.Equal(
            "s.yaml(2,5): error PG2001: the file is not valid UTF-8 text: byte 0xFE here does not start a UTF-8 character; save the file as UTF-8",
            SingleError(fs).ToCanonicalString());
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_a_diagnostic()
    {
        var inner = new InMemoryFileSystem { ["/ws/perfgate.yaml"] = "scenarios: [s.yaml]\n", ["/ws/s.yaml"] = Scenario };
        var d = SingleError(new Unreadable(inner, "/ws/s.yaml"));
        Assert.StartsWith("s.yaml: error PG2010: cannot read the file: Permission denied", d.ToCanonicalString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_mindie_config_that_is_a_folder_is_reported_as_a_folder()
    {
        var fs = new InMemoryFileSystem
        {
            ["/ws/perfgate.yaml"] = "scenarios: [s.yaml]\n",
            ["/ws/s.yaml"] = "kind: scenario\nid: s1\nmodel: qwq-32b\nhardware: ascend-910b3\nmemory:\n  mindieConfig: mindie\n",
            ["/ws/mindie/config.json"] = "{}",
        };
        Assert.Equal(
            "s.yaml(6,17): error PG2010: 'memory.mindieConfig' names 'mindie', which is a folder; name MindIE's config.json file",
            SingleError(fs).ToCanonicalString());
    }

    [Theory]
    [InlineData("tp: 65537", "s.yaml(6,7): error PG2005: 'parallelism.tp' is 65537; it must be a whole number from 1 to 65536")]
    [InlineData("dp: 99999999999999999999", "s.yaml(6,7): error PG2005: 'parallelism.dp' is 99999999999999999999, which is out of range; it must be a whole number from 1 to 65536")]
    [InlineData("ep: \"8\"", "s.yaml(6,7): error PG2004: 'parallelism.ep' must be a whole number, not the text '8'; write it without quotes")]
    public void Parallel_degrees_are_bounded_and_typed(string line, string expected)
    {
        var fs = new InMemoryFileSystem
        {
            ["/ws/perfgate.yaml"] = "scenarios: [s.yaml]\n",
            ["/ws/s.yaml"] = Scenario + "parallelism:\n  " + line + "\n",
        };
        Assert.Equal(expected, SingleError(fs).ToCanonicalString());
    }

    [Fact]
    public void Tp_times_dp_past_the_card_limit_is_refused_at_load()
    {
        // 65,536 x 65,536 wrapped to 0 cards, and 'check' crashed dividing the weights by it (exit 3).
        var fs = new InMemoryFileSystem
        {
            ["/ws/perfgate.yaml"] = "scenarios: [s.yaml]\n",
            ["/ws/s.yaml"] = Scenario + "parallelism:\n  tp: 65536\n  dp: 65536\ndecode:\n  batch: 1\n",
        };
        Assert.Equal(
            "s.yaml(6,3): error PG2005: 'parallelism.tp' x 'parallelism.dp' is 65536 x 65536 = 4294967296 cards; a deployment may span at most 65536",
            SingleError(fs).ToCanonicalString());
    }

    private sealed class Unreadable(IFileSystem inner, string path) : IFileSystem
    {
        public bool FileExists(string p) => inner.FileExists(p);

        public bool DirectoryExists(string p) => inner.DirectoryExists(p);

        public long GetFileLength(string p) => inner.GetFileLength(p);

        public byte[] ReadAllBytes(string p) => p == path ? throw new UnauthorizedAccessException("Permission denied") : inner.ReadAllBytes(p);

        public IEnumerable<string> EnumerateFiles(string directory) => inner.EnumerateFiles(directory);

        public IReadOnlyList<string> ListFiles(string folder, string suffix) => inner.ListFiles(folder, suffix);

        public void WriteAllTextAtomic(string p, string text) => inner.WriteAllTextAtomic(p, text);

        public void AppendAllText(string p, string text) => inner.AppendAllText(p, text);

        public void Delete(string p) => inner.Delete(p);

        public string ResolveLinks(string p) => inner.ResolveLinks(p);

        public IReadOnlyList<string> DeleteInterruptedWrites(string folder) => inner.DeleteInterruptedWrites(folder);

        public IDisposable? TryLock(string p) => inner.TryLock(p);
    }
}
