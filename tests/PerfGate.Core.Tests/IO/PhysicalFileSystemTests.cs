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

    [Theory]
    [InlineData(0, 16)]
    [InlineData(5, 16)]
    [InlineData(16, 16)]
    [InlineData(70_000, 16)]
    [InlineData(3, 0)]
    public void Reading_into_a_buffer_gives_the_files_bytes_and_grows_the_buffer_only_when_it_is_too_small(int length, int capacity)
    {
        var path = Path.Combine(_dir, "f.bin");
        var content = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
        File.WriteAllBytes(path, content);
        var buffer = new byte[capacity];
        var given = buffer;

        var read = PhysicalFileSystem.Instance.ReadAllBytes(path, ref buffer);

        Assert.Equal(length, read);
        Assert.Equal(content, buffer[..read]);
        Assert.Equal(length <= capacity, ReferenceEquals(given, buffer));
        Assert.Equal(File.ReadAllBytes(path), buffer[..read]);
    }

    [Fact]
    public void Reading_a_missing_file_into_a_buffer_fails_as_reading_it_whole_does()
    {
        var buffer = new byte[4];
        var path = Path.Combine(_dir, "missing.txt");
        Assert.Throws<FileNotFoundException>(() => PhysicalFileSystem.Instance.ReadAllBytes(path, ref buffer));
        Assert.Throws<FileNotFoundException>(() => PhysicalFileSystem.Instance.ReadAllBytes(path));
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
    public void Baselines_read_one_after_another_give_each_files_own_text_whatever_was_read_before()
    {
        // Each thread reads baselines into one buffer: a short file after a long one must not show the long one's tail.
        var store = new BaselineStore(PhysicalFileSystem.Instance, _dir);
        var longText = string.Concat(Enumerable.Repeat("long line é\n", 3000));
        File.WriteAllText(Path.Combine(_dir, "long.verified.txt"), longText);
        File.WriteAllText(Path.Combine(_dir, "short.verified.txt"), "short\n");
        File.WriteAllBytes(Path.Combine(_dir, "bad.verified.txt"), [(byte)'o', (byte)'k', (byte)'\n', 0xFF]);

        Assert.Equal(longText, store.ReadVerifiedComparing("long", null).Text);
        Assert.Equal("short\n", store.ReadVerifiedComparing("short", null).Text);
        var bad = store.ReadVerifiedComparing("bad", null);
        Assert.Null(bad.Text);
        Assert.Contains("byte 3 (0xFF) is not valid UTF-8", bad.Error!.Message, StringComparison.Ordinal);
        Assert.Equal((2, 1), (bad.Error.Location.Line, bad.Error.Location.Column));
        Assert.Equal(longText, store.ReadVerifiedComparing("long", null).Text);
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
