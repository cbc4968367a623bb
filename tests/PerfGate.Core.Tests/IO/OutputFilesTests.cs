using PerfGate.Diagnostics;
using PerfGate.IO;

namespace PerfGate.Tests.IO;

/// <summary>A file a user named is written atomically, and every way it cannot be is a PG2017 error at the path as shown.</summary>
public sealed class OutputFilesTests
{
    [Fact]
    public void The_text_is_written_through_the_port()
    {
        var fs = new InMemoryFileSystem();

        Assert.Null(OutputFiles.TryWrite(fs, "/w/out/r.csv", "out/r.csv", "a,b\n", "--csv"));
        Assert.Equal("a,b\n", fs["/w/out/r.csv"]);
    }

    [Fact]
    public void A_folder_is_refused_and_left_alone()
    {
        var fs = new InMemoryFileSystem { ["/w/out/keep.txt"] = "x" };

        var error = OutputFiles.TryWrite(fs, "/w/out", "out", "text", "--output");

        Assert.Equal("out: error PG2017: --output: this is a folder; name a file to write", error!.ToCanonicalString());
        Assert.Equal(["/w/out/keep.txt"], fs.Files.Keys);
    }

    [Fact]
    public void A_failed_write_is_an_error_and_the_old_file_is_unchanged()
    {
        var fs = new InMemoryFileSystem { ["/w/r.md"] = "old", FailOnWrite = 1 };

        var error = OutputFiles.TryWrite(fs, "/w/r.md", "r.md", "new", "--report markdown");

        Assert.Equal(DiagnosticIds.OutputNotWritable, error!.Id);
        Assert.Equal(new SourceLocation("r.md"), error.Location);
        Assert.StartsWith("--report markdown: cannot write the file: Access to the path '/w/r.md' is denied.; name a file in a folder you can write to", error.Message, StringComparison.Ordinal);
        Assert.Equal("old", fs["/w/r.md"]);
    }
}
