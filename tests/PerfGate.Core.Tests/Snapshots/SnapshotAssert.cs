using System.Runtime.CompilerServices;
using PerfGate.Gate;
using PerfGate.Gate.IO;

namespace PerfGate.Tests.Snapshots;

/// <summary>
/// Snapshot tests through the product's own <see cref="BaselineStore"/> (Verify's convention):
/// <c>Snapshots/&lt;name&gt;.verified.&lt;ext&gt;</c> next to this file is committed; on a mismatch the test fails and
/// writes <c>&lt;name&gt;.received.&lt;ext&gt;</c> (git-ignored). Accept by reviewing the received file and copying it over
/// the verified one, or by running the tests with PERFGATE_ACCEPT=1 (refused under CI). See CONTRIBUTING.md.
/// </summary>
internal static class SnapshotAssert
{
    public static void Matches(string actual, string name, string extension, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var store = new BaselineStore(new PhysicalFileStore(), folder, extension);
        if (store.Verify(name, actual))
        {
            return;
        }

        var accept = Environment.GetEnvironmentVariable("PERFGATE_ACCEPT") == "1";
        var ci = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"));
        if (accept && !ci)
        {
            store.Promote(name, actual);
            return;
        }

        var verified = store.ReadVerified(name);
        Assert.Fail(verified is null
            ? $"New snapshot {store.ReceivedPath(name)}: review it, then accept it (copy it to {store.VerifiedPath(name)} or rerun with PERFGATE_ACCEPT=1)."
            : $"Snapshot mismatch: {FirstDifference(verified, actual)}. Received: {store.ReceivedPath(name)}; verified: {store.VerifiedPath(name)}. Accept by copying received over verified or rerun with PERFGATE_ACCEPT=1.");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"line {i + 1}: expected '{el}', received '{al}'";
            }
        }

        return "no line differs";
    }
}
