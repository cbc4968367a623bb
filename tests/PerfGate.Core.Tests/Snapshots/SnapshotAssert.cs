using System.Globalization;
using System.Runtime.CompilerServices;
using PerfGate.Gate;
using PerfGate.IO;

namespace PerfGate.Tests.Snapshots;

/// <summary>
/// Snapshot tests through the product's own <see cref="BaselineStore"/> (Verify's convention):
/// <c>Snapshots/&lt;name&gt;.verified.&lt;ext&gt;</c> next to this file is committed; on a mismatch the test fails and
/// writes <c>&lt;name&gt;.received.&lt;ext&gt;</c> (git-ignored). Accept by reviewing the received file and copying it over
/// the verified one, or by running the tests with PERFGATE_ACCEPT=1 (refused under CI). See CONTRIBUTING.md.
/// Shared by PerfGate.Core.Tests and PerfGate.Cli.Tests (linked into the latter).
/// </summary>
internal static class SnapshotAssert
{
    /// <summary>The cultures outputs are rendered under: the invariant culture and German (decimal comma).</summary>
    public static IReadOnlyList<string> Cultures { get; } = ["invariant", "de-DE"];

    /// <summary>
    /// Any output (console table, file format, diagnostic line; all output is culture-invariant): it must be byte-identical under every one of
    /// <see cref="Cultures"/>, and is matched against one snapshot.
    /// </summary>
    public static void MatchesInEveryCulture(Func<string> render, string name, string extension, [CallerFilePath] string callerFile = "")
    {
        var invariant = Under(Cultures[0], render);
        foreach (var culture in Cultures.Skip(1))
        {
            var other = Under(culture, render);
            Assert.True(invariant == other, $"{name}.{extension} differs under {culture}: {FirstDifference(invariant, other)}");
        }

        Matches(invariant, name, extension, callerFile);
    }

    /// <summary>Runs <paramref name="render"/> with the current (UI) culture set to <paramref name="culture"/> ("invariant" or a name).</summary>
    public static T Under<T>(string culture, Func<T> render)
    {
        var info = culture == "invariant" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture);
        var (c, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (info, info);
            return render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (c, ui);
        }
    }

    public static void Matches(string actual, string name, string extension, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Snapshots");
        var store = new BaselineStore(PhysicalFileSystem.Instance, folder, extension);
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
