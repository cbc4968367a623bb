namespace PerfGate.MSBuild.Tests;

/// <summary>The checkout this test assembly was built from (the folder holding PerfGate.sln).</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PerfGate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PerfGate.sln above {AppContext.BaseDirectory}.");
    }
}
