namespace PerfGate.MSBuild.Tests.Integration;

/// <summary>
/// Packs <c>perfgate</c> and <c>PerfGate.MSBuild</c> from this checkout once for all integration tests, into a
/// temporary folder feed, with a private NuGet cache so that a stale PerfGate.MSBuild of the same version in the
/// user's global cache can never be picked up, and restores stay offline (the feed is the only source).
/// </summary>
public sealed class PackedPackagesFixture : IDisposable
{
    public PackedPackagesFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "perfgate-it-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "nuget-packages");
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);
        NuGetConfig = Path.Combine(Root, "NuGet.config");
        File.WriteAllText(NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="perfgate-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        // The tool as a RID-specific package names one package per runtime identifier; the native ones are
        // NativeAOT builds (minutes each), so the feed gets the pointer and the portable package only ('any'), and
        // the shipped pointer (linux-x64 and any) is packed on its own for ToolPackageTests to read.
        Pack("src/PerfGate.Cli/PerfGate.Cli.csproj", Feed, "-p:ToolPackageRuntimeIdentifiers=any");
        Pack("src/PerfGate.Cli/PerfGate.Cli.csproj", Feed, "-r", "any", "-p:ToolPackageRuntimeIdentifiers=any");
        Pack("src/PerfGate.MSBuild/PerfGate.MSBuild.csproj", Feed);
        ShippedToolPointer = Path.Combine(Root, "shipped-pointer");
        Pack("src/PerfGate.Cli/PerfGate.Cli.csproj", ShippedToolPointer);

        var msbuildPackage = Directory.GetFiles(Feed, "PerfGate.MSBuild.*.nupkg").Single();
        MSBuildPackage = msbuildPackage;
        Version = Path.GetFileNameWithoutExtension(msbuildPackage)["PerfGate.MSBuild.".Length..];
        ToolPackage = Path.Combine(Feed, $"perfgate.{Version}.nupkg");
    }

    public string Root { get; }

    /// <summary>Folder holding the tool's pointer package packed with the project's own settings.</summary>
    public string ShippedToolPointer { get; }

    public string Feed { get; }

    /// <summary>The private NUGET_PACKAGES folder every command of the integration tests uses.</summary>
    public string PackagesFolder { get; }

    public string NuGetConfig { get; }

    public string Version { get; }

    public string MSBuildPackage { get; }

    public string ToolPackage { get; }

    private void Pack(string project, string output, params string[] extra)
    {
        var pack = ProcessRunner.Dotnet(RepositoryRoot.Path, new Dictionary<string, string?>(),
            ["pack", Path.Combine(RepositoryRoot.Path, project), "-c", "Release", "-o", output,
             "-nodeReuse:false", "-p:UseSharedCompilation=false", "-tl:off", "-v:q", .. extra]);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException($"Packing {project} {string.Join(' ', extra)} failed:\n{pack}");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
