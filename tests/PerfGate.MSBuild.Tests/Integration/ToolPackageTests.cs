using System.IO.Compression;
using System.Xml.Linq;

namespace PerfGate.MSBuild.Tests.Integration;

/// <summary>The <c>perfgate</c> tool package installs with <c>dotnet tool install</c> from the feed and runs.</summary>
[Trait("Category", "Integration")]
[Collection(IntegrationCollection.Name)]
public sealed class ToolPackageTests(PackedPackagesFixture packages)
{
    [Fact]
    public void Tool_installs_from_the_feed_and_runs_check()
    {
        using var consumer = new ConsumerProject(packages, "tool");
        var toolPath = Path.Combine(consumer.Root, ".tools");

        // The consumer's NuGet.config clears every other source, so the install is offline.
        var install = ProcessRunner.Dotnet(consumer.Root, consumer.Environment(),
            "tool", "install", "perfgate", "--tool-path", toolPath, "--add-source", packages.Feed, "--version", packages.Version);
        Assert.True(install.ExitCode == 0, install.ToString());

        var perfgate = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "perfgate.exe" : "perfgate");
        // The tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not installed in the default place.
        var runtime = consumer.Environment(new Dictionary<string, string?> { ["DOTNET_ROOT"] = Path.GetDirectoryName(ProcessRunner.DotnetHost) });
        var version = ProcessRunner.Run(perfgate, consumer.Root, runtime, "--version");

        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.StartsWith(packages.Version, version.Output.Trim(), StringComparison.Ordinal);

        TinyWorkspace.WriteTo(consumer);
        runtime["CI"] = null;
        runtime["GITHUB_ACTIONS"] = null;
        var approve = ProcessRunner.Run(perfgate, consumer.Root, runtime, "approve", "--all");
        Assert.True(approve.ExitCode == 0, approve.ToString());
        var check = ProcessRunner.Run(perfgate, consumer.Root, runtime, "check", "--diagnostics-format", "msbuild");
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("1 equal", check.Output, StringComparison.Ordinal);

        TinyWorkspace.WriteTo(consumer, batch: "64");
        var drift = ProcessRunner.Run(perfgate, consumer.Root, runtime, "check", "--diagnostics-format", "msbuild");
        Assert.True(drift.ExitCode == 1, drift.ToString());
        Assert.Contains("baselines/h100-llama3-8b.verified.txt(", drift.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_tool_package_points_at_the_native_linux_x64_tool_and_the_portable_fallback()
    {
        using var zip = ZipFile.OpenRead(Path.Combine(packages.ShippedToolPointer, $"perfgate.{packages.Version}.nupkg"));
        var settings = zip.GetEntry("tools/any/any/DotnetToolSettings.xml") ?? throw new InvalidOperationException("the pointer package has no tool settings");
        using var stream = settings.Open();
        var document = XDocument.Load(stream);

        var rids = document.Descendants("RuntimeIdentifierPackage").Select(e => ((string?)e.Attribute("RuntimeIdentifier"), (string?)e.Attribute("Id")));
        Assert.Equal([("linux-x64", "perfgate.linux-x64"), ("any", "perfgate.any")], rids);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)); // a pointer only
    }
}
