namespace PerfGate.MSBuild.Tests.Integration;

/// <summary>The <c>perfgate</c> tool package installs with <c>dotnet tool install</c> from the feed and runs.</summary>
[Trait("Category", "Integration")]
[Collection(IntegrationCollection.Name)]
public sealed class ToolPackageTests(PackedPackagesFixture packages)
{
    [Fact]
    public void Tool_installs_from_the_feed_and_runs()
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
    }
}
