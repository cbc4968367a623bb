using System.Text;
using PerfGate.Gate;
using PerfGate.IO;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Gate;

/// <summary>
/// The baseline store after something went wrong: temporary files of a killed write are removed by the next run, a
/// second approve is refused by the folder's lock, a baseline that is not UTF-8 or is a folder is a located PG1004.
/// </summary>
public sealed class BaselineStoreRecoveryTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "perfgate-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static CurrentScenario Llama => SampleSnapshots.Current(SampleSnapshots.Llama());

    [Fact]
    public void The_next_run_removes_temporary_files_of_an_interrupted_write_and_nothing_else()
    {
        Directory.CreateDirectory(_dir);
        var leftOver = Path.Combine(_dir, ".llama-3-8b-h100.verified.txt.0123456789abcdef0123456789abcdef.tmp");
        var notOurs = Path.Combine(_dir, ".notes.tmp");
        File.WriteAllText(leftOver, "half a baseline");
        File.WriteAllText(notOurs, "kept");
        var store = new BaselineStore(PhysicalFileSystem.Instance, _dir);

        var outcome = GateRunner.Check(store, [Llama], []);

        Assert.NotNull(outcome.Result);
        Assert.False(File.Exists(leftOver));
        Assert.True(File.Exists(notOurs));
        Assert.False(File.Exists(store.LockPath), "the lock file goes with the run");
    }

    [Fact]
    public void Approve_also_removes_them()
    {
        Directory.CreateDirectory(_dir);
        var leftOver = Path.Combine(_dir, ".llama-3-8b-h100.received.txt.fedcba9876543210fedcba9876543210.tmp");
        File.WriteAllText(leftOver, "half");
        GateRunner.Approve(new BaselineStore(PhysicalFileSystem.Instance, _dir), [Llama], [], all: true);
        Assert.False(File.Exists(leftOver));
        Assert.True(File.Exists(Path.Combine(_dir, "llama-3-8b-h100.verified.txt")));
    }

    [Fact]
    public void A_second_approve_is_refused_by_the_lock_with_a_message_naming_it()
    {
        var store = new BaselineStore(PhysicalFileSystem.Instance, _dir);
        using (var first = store.TryLock())
        {
            Assert.NotNull(first);
            var outcome = GateRunner.Approve(store, [Llama], [], all: true);
            var error = Assert.Single(outcome.Errors);
            Assert.Equal("PG1009", error.Id);
            Assert.Equal(store.LockPath, error.Location.File);
            Assert.Contains($"it holds the lock {store.LockPath}", error.Message, StringComparison.Ordinal);
            Assert.Empty(outcome.Approvals);
            Assert.False(File.Exists(Path.Combine(_dir, "llama-3-8b-h100.verified.txt")));
        }

        Assert.Empty(GateRunner.Approve(store, [Llama], [], all: true).Errors);
    }

    [Fact]
    public void A_lock_file_left_by_a_killed_run_does_not_block()
    {
        Directory.CreateDirectory(_dir);
        var store = new BaselineStore(PhysicalFileSystem.Instance, _dir);
        File.WriteAllText(store.LockPath, string.Empty);
        Assert.Empty(GateRunner.Approve(store, [Llama], [], all: true).Errors);
    }

    [Fact]
    public void Invalid_utf8_is_PG1004_at_the_byte()
    {
        var fs = new InMemoryFileSystem();
        var bytes = Encoding.UTF8.GetBytes(SnapshotWriter.Write(SampleSnapshots.Llama()));
        var lineStart = Array.IndexOf(bytes, (byte)'\n', Array.IndexOf(bytes, (byte)'\n') + 1) + 1; // line 3: "format = ..."
        bytes[lineStart + 4] = 0xFF; // column 5
        fs.Add("/ws/baselines/llama-3-8b-h100.verified.txt", bytes);

        var outcome = GateRunner.Check(new BaselineStore(fs, "/ws/baselines"), [Llama], []);

        Assert.Null(outcome.Result);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("PG1004", error.Id);
        Assert.Equal((3, 5), (error.Location.Line, error.Location.Column));
        Assert.StartsWith($"corrupt baseline: byte {lineStart + 4} (0xFF) is not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_named_like_a_baseline_is_PG1004_at_its_path_not_a_new_scenario()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "llama-3-8b-h100.verified.txt"));
        var store = new BaselineStore(PhysicalFileSystem.Instance, _dir);

        var outcome = GateRunner.Check(store, [Llama], []);

        Assert.Null(outcome.Result);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal("PG1004", error.Id);
        Assert.Equal(store.VerifiedPath("llama-3-8b-h100"), error.Location.File);
        Assert.Contains("is a folder, not a file", error.Message, StringComparison.Ordinal);
    }
}
