using PerfGate.Gate;
using PerfGate.IO;

namespace PerfGate.Tests.IO;

public sealed class PhysicalFileSystemTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("perfgate-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Atomic_write_replaces_the_content_as_utf8_without_bom_and_lf()
    {
        var path = Path.Combine(_dir, "a.verified.txt");
        var store = PhysicalFileSystem.Instance;
        store.WriteAllTextAtomic(path, "old\n");
        store.WriteAllTextAtomic(path, "néw\n");
        Assert.Equal([(byte)'n', 0xC3, 0xA9, (byte)'w', (byte)'\n'], File.ReadAllBytes(path));
        Assert.Equal(["a.verified.txt"], Directory.EnumerateFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failure_before_the_rename_keeps_the_old_file_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_dir, "a.verified.txt");
        File.WriteAllText(path, "old\n");
        var store = new PhysicalFileSystem { BeforeRename = _ => throw new IOException("disk full (simulated)") };
        Assert.Throws<IOException>(() => store.WriteAllTextAtomic(path, "new\n"));
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Equal(["a.verified.txt"], Directory.EnumerateFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void The_baseline_store_follows_the_received_verified_convention_on_disk()
    {
        var store = new BaselineStore(PhysicalFileSystem.Instance, _dir);
        Assert.False(store.Verify("s", "one\n"));
        Assert.Equal("one\n", File.ReadAllText(Path.Combine(_dir, "s.received.txt")));
        store.Promote("s", "one\n");
        Assert.Equal(["s.verified.txt"], Directory.EnumerateFiles(_dir).Select(Path.GetFileName));
        Assert.True(store.Verify("s", "one\n"));
        Assert.Equal(["s"], store.ListVerified());
        Assert.Empty(store.ListReceived());
    }

    [Fact]
    public void A_name_that_is_not_a_safe_file_name_is_refused()
    {
        var store = new BaselineStore(PhysicalFileSystem.Instance, _dir);
        Assert.Throws<ArgumentException>(() => store.VerifiedPath("../escape"));
        Assert.Throws<ArgumentException>(() => store.VerifiedPath(".hidden"));
    }

    [Fact]
    public void ResolveLinks_follows_relative_and_chained_links_and_keeps_a_missing_tail()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var real = Directory.CreateDirectory(Path.Combine(_dir, "real")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(_dir, "hop"), "real");
        Directory.CreateSymbolicLink(Path.Combine(_dir, "link"), Path.Combine(_dir, "hop"));
        var fs = PhysicalFileSystem.Instance;

        Assert.Equal(Path.Combine(fs.ResolveLinks(real), "new", "file.txt"), fs.ResolveLinks(Path.Combine(_dir, "link", "new", "file.txt")));
        Assert.Equal(fs.ResolveLinks(real), fs.ResolveLinks(Path.Combine(_dir, "link")));
    }

    [Fact]
    public void ResolveLinks_reports_a_loop_as_an_io_error()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateSymbolicLink(Path.Combine(_dir, "a"), Path.Combine(_dir, "b"));
        Directory.CreateSymbolicLink(Path.Combine(_dir, "b"), Path.Combine(_dir, "a"));

        Assert.Throws<IOException>(() => PhysicalFileSystem.Instance.ResolveLinks(Path.Combine(_dir, "a", "x")));
    }
}
