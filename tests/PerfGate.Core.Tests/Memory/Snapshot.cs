using System.Runtime.CompilerServices;

namespace PerfGate.Tests.Memory;

/// <summary>
/// Snapshot check: compares text with <c>Snapshots/NAME.verified.EXT</c> next to the test source. On a difference (or when the
/// verified file is missing) it writes <c>NAME.received.EXT</c> (git-ignored) and fails; accepting is renaming it, by hand.
/// </summary>
internal static class Snapshot
{
    public static void Verify(string actual, string name, string extension, [CallerFilePath] string caller = "")
    {
        var dir = Path.Combine(Path.GetDirectoryName(caller)!, "Snapshots");
        var verified = Path.Combine(dir, $"{name}.verified.{extension}");
        var received = Path.Combine(dir, $"{name}.received.{extension}");
        var expected = File.Exists(verified) ? File.ReadAllText(verified).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(dir);
        File.WriteAllText(received, actual);
        Assert.Fail(expected is null
            ? $"No snapshot {verified}; review {received} and rename it to accept."
            : $"Snapshot {verified} differs; review {received} (diff it against the verified file) and rename it to accept.");
    }
}
