using PerfGate.IO;

namespace PerfGate.Tests.Architecture;

/// <summary>
/// PerfGate.Core touches the disk only in its IO seam (<see cref="PhysicalFileSystem"/> behind <see cref="IFileSystem"/>):
/// every other type reads and writes through the port it is given, so the engine runs in memory in tests and a front
/// end decides what is read. Checked on the compiled IL, so no spelling (a using alias, a lambda, an iterator, a
/// method group) gets past it.
/// </summary>
public sealed class FileSystemAccessTests
{
    /// <summary>System.IO types whose every use is disk access.</summary>
    private static readonly HashSet<string> DiskTypes = new(StringComparer.Ordinal)
    {
        "System.IO.File", "System.IO.Directory", "System.IO.FileInfo", "System.IO.DirectoryInfo", "System.IO.FileSystemInfo",
        "System.IO.FileStream", "System.IO.DriveInfo", "System.IO.FileSystemWatcher", "System.IO.RandomAccess",
        "System.IO.MemoryMappedFiles.MemoryMappedFile", "System.IO.Enumeration.FileSystemEnumerable`1",
        "System.IO.Enumeration.FileSystemEnumerator`1", "System.IO.Enumeration.FileSystemEntry",
    };

    /// <summary>Reader and writer constructors that open a path (a string first argument) rather than wrap a stream.</summary>
    private static readonly HashSet<string> PathOpeningTypes = new(StringComparer.Ordinal) { "System.IO.StreamReader", "System.IO.StreamWriter" };

    internal static IReadOnlyList<IlReferenceScanner.Use> DiskAccessOutsideTheSeam(string assemblyPath, string seamNamespace) =>
        IlReferenceScanner.Scan(assemblyPath)
            .Where(u => !u.SourceType.StartsWith(seamNamespace + ".", StringComparison.Ordinal))
            .Where(u => DiskTypes.Contains(u.DeclaringType)
                || (PathOpeningTypes.Contains(u.DeclaringType) && u.Member.StartsWith(".ctor(System.String", StringComparison.Ordinal)))
            .ToList();

    [Fact]
    public void Core_touches_the_file_system_only_in_its_IO_namespace()
    {
        var offenders = DiskAccessOutsideTheSeam(typeof(IFileSystem).Assembly.Location, "PerfGate.IO");

        Assert.True(offenders.Count == 0, "PerfGate.Core must read and write through IO/IFileSystem; these use the disk directly:\n"
            + string.Join("\n", offenders.Select(o => $"  {o.SourceType}.{o.SourceMethod} uses {o.DeclaringType}.{o.Member}").Distinct()));
    }

    [Fact]
    public void The_seam_itself_is_seen_using_the_disk()
    {
        // The check sees real uses: PhysicalFileSystem is found once its namespace is not exempt.
        var uses = DiskAccessOutsideTheSeam(typeof(IFileSystem).Assembly.Location, "PerfGate.None");

        Assert.Contains(uses, u => u is { SourceType: "PerfGate.IO.PhysicalFileSystem", DeclaringType: "System.IO.File", Member: "ReadAllBytes(System.String)" });
        Assert.Contains(uses, u => u is { SourceType: "PerfGate.IO.PhysicalFileSystem", DeclaringType: "System.IO.FileStream" });
    }

    [Fact]
    public void A_lambda_or_a_path_opening_reader_outside_the_seam_is_reported()
    {
        var uses = DiskAccessOutsideTheSeam(typeof(FileSystemAccessTests).Assembly.Location, "PerfGate.Tests.IO");

        Assert.Contains(uses, u => u is { SourceType: "PerfGate.Tests.Architecture.DiskTouchingSample", DeclaringType: "System.IO.File", Member: "Exists(System.String)" });
        Assert.Contains(uses, u => u is { SourceType: "PerfGate.Tests.Architecture.DiskTouchingSample", DeclaringType: "System.IO.StreamReader", Member: ".ctor(System.String)" });
        Assert.DoesNotContain(uses, u => u is { SourceType: "PerfGate.Tests.Architecture.DiskTouchingSample", Member: ".ctor(System.IO.Stream)" });
    }
}
