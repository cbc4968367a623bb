using System.IO.Compression;
using System.Xml.Linq;

namespace PerfGate.MSBuild.Tests.Integration;

/// <summary>The packed packages and a consumer build that needs no workspace.</summary>
[Trait("Category", "Integration")]
[Collection(IntegrationCollection.Name)]
public sealed class PackageTests(PackedPackagesFixture packages)
{
    [Fact]
    public void MSBuild_package_is_a_development_dependency_with_task_targets_and_the_cli()
    {
        using var zip = ZipFile.OpenRead(packages.MSBuildPackage);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("build/PerfGate.MSBuild.props", entries);
        Assert.Contains("build/PerfGate.MSBuild.targets", entries);
        Assert.Contains("buildMultiTargeting/PerfGate.MSBuild.targets", entries);
        Assert.Contains("tasks/net10.0/PerfGate.MSBuild.dll", entries);
        Assert.Contains("tools/perfgate/perfgate.dll", entries);
        Assert.Contains("tools/perfgate/perfgate.runtimeconfig.json", entries);
        Assert.Contains("tools/perfgate/perfgate.deps.json", entries);
        Assert.Contains("tools/perfgate/YamlDotNet.dll", entries);
        // Nothing a consumer would compile against, and no engine dependency next to the task.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("tasks/", StringComparison.Ordinal) && e.Contains("YamlDotNet", StringComparison.Ordinal));
        Assert.DoesNotContain("buildTransitive/PerfGate.MSBuild.targets", entries);

        var nuspec = XDocument.Load(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")?.Value);
        Assert.Null(metadata.Element(ns + "dependencies"));
        Assert.Equal(packages.Version, metadata.Element(ns + "version")?.Value);
    }

    [Fact]
    public void Tool_packages_have_the_same_version()
    {
        // The tool is RID-specific: perfgate.<v> points at perfgate.<rid>.<v>; the portable one is perfgate.any.<v>.
        Assert.True(File.Exists(packages.ToolPackage), $"{packages.ToolPackage} was not produced");
        using var pointer = ZipFile.OpenRead(packages.ToolPackage);
        Assert.Contains(pointer.Entries, e => e.FullName == "tools/any/any/DotnetToolSettings.xml");
        var portable = Path.Combine(packages.Feed, $"perfgate.any.{packages.Version}.nupkg");
        Assert.True(File.Exists(portable), $"{portable} was not produced");
        using var zip = ZipFile.OpenRead(portable);
        Assert.Contains(zip.Entries, e => e.FullName == "tools/net10.0/any/perfgate.dll");
    }

    [Fact]
    public void Approve_is_refused_under_ci()
    {
        using var consumer = new ConsumerProject(packages, "approve-on-ci");
        consumer.Write("perfgate.yaml", "# the task refuses before reading it\n");

        var build = consumer.Build(new Dictionary<string, string?> { ["CI"] = "true" }, "-p:PerfGateApprove=true");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains(build.Lines, l => l.Contains("error PG1006: PerfGateApprove=true is refused under CI (CI is set)", StringComparison.Ordinal));
        Assert.False(File.Exists(consumer.StampFile), build.ToString());
    }

    [Fact]
    public void Disabled_gate_does_not_run()
    {
        using var consumer = new ConsumerProject(packages, "disabled");

        var build = consumer.Build(null, "-p:PerfGateEnabled=false");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.DoesNotContain("PerfGate:", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" PG", build.Output, StringComparison.Ordinal);
    }
}
