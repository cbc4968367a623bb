namespace PerfGate.MSBuild.Tests.Integration;

/// <summary>
/// A throw-away repository: a perfgate workspace at its root and an SDK project under <c>app/</c> that references
/// PerfGate.MSBuild from the fixture's feed. Empty Directory.Build.* files stop MSBuild from importing anything
/// from folders above it.
/// </summary>
internal sealed class ConsumerProject : IDisposable
{
    private readonly PackedPackagesFixture packages;
    private bool restored;

    /// <param name="packages">The packed packages.</param>
    /// <param name="name">A folder name, unique among the tests.</param>
    /// <param name="multiTargeted">Use <c>TargetFrameworks</c>, making the build an outer build with inner builds.</param>
    public ConsumerProject(PackedPackagesFixture packages, string name, bool multiTargeted = false)
    {
        this.packages = packages;
        Root = Path.Combine(packages.Root, name);
        Directory.CreateDirectory(Root);
        ProjectDirectory = Path.Combine(Root, "app");
        Directory.CreateDirectory(ProjectDirectory);
        File.Copy(packages.NuGetConfig, Path.Combine(Root, "NuGet.config"));
        File.WriteAllText(Path.Combine(Root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(Root, "Directory.Build.targets"), "<Project />\n");
        var frameworks = multiTargeted ? "TargetFrameworks" : "TargetFramework";
        File.WriteAllText(Path.Combine(ProjectDirectory, "app.csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <{{frameworks}}>net10.0</{{frameworks}}>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PerfGate.MSBuild" Version="{{packages.Version}}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(ProjectDirectory, "Marker.cs"), "namespace App { internal static class Marker { } }\n");
    }

    public string Root { get; }

    public string ProjectDirectory { get; }

    /// <summary>The stamp of a single-target build (a multi-targeted one keeps it in obj/Debug/, its outer build's folder).</summary>
    public string StampFile => Path.Combine(ProjectDirectory, "obj", "Debug", "net10.0", "perfgate.stamp");

    /// <summary>Writes a workspace file (path relative to <see cref="Root"/>, '/' separated) with LF line endings.</summary>
    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>
    /// <c>dotnet build</c> of the project, console logger at normal verbosity. The first call restores (offline: the
    /// feed is the only source); later calls pass --no-restore.
    /// </summary>
    public ProcessResult Build(IReadOnlyDictionary<string, string?>? environment = null, params string[] properties)
    {
        var args = new List<string> { "build", "-nodeReuse:false", "-tl:off", "-v:n", "-p:UseSharedCompilation=false" };
        if (restored)
        {
            args.Add("--no-restore");
        }

        args.AddRange(properties);
        var result = ProcessRunner.Dotnet(ProjectDirectory, Environment(environment), [.. args]);
        restored |= result.ExitCode == 0 || File.Exists(Path.Combine(ProjectDirectory, "obj", "project.assets.json"));
        return result;
    }

    /// <summary>The environment for every command: the private NuGet cache, plus <paramref name="extra"/>.</summary>
    public Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var env = new Dictionary<string, string?>(StringComparer.Ordinal) { ["NUGET_PACKAGES"] = packages.PackagesFolder };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            env[name] = value;
        }

        return env;
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
    }
}
