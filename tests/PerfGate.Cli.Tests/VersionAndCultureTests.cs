using System.Globalization;
using PerfGate.Tests.Commands;

namespace PerfGate.Tests;

public sealed class VersionAndCultureTests
{
    [Fact]
    public void Version_prints_the_package_version()
    {
        var (code, output, _) = AppHarness.Run("--version");
        Assert.Equal(0, code);
        Assert.StartsWith("0.1.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_german_culture_changes_no_output()
    {
        using var dir = new TempDirectory();
        dir.Write("config.json", ImportCommandTests.LlamaConfig);
        string[][] commands =
        [
            ["catalog", "show", "h100-sxm", "--json"],
            ["catalog", "show", "deepseek-v3", "--json"],
            ["catalog", "list"],
            ["catalog", "list", "--json"],
            ["import", "hf", "config.json", "--id", "x"],
        ];

        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var invariant = commands.Select(c => AppHarness.RunIn(dir.Path, c).Out).ToList();
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var german = commands.Select(c => AppHarness.RunIn(dir.Path, c).Out).ToList();
            Assert.Equal(invariant, german);
            Assert.Contains("\"memoryBandwidthBytesPerSecond\": 3350000000000", invariant[0], StringComparison.Ordinal);
            Assert.Contains("3.35 TB/s", invariant[2], StringComparison.Ordinal);

            AppHarness.RunIn(dir.Path, "import", "hf", "config.json", "--id", "x", "--output", "de.yaml");
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            AppHarness.RunIn(dir.Path, "import", "hf", "config.json", "--id", "x", "--output", "inv.yaml");
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir.Path, "inv.yaml")), File.ReadAllBytes(Path.Combine(dir.Path, "de.yaml")));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
