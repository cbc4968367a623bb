namespace PerfGate.MSBuild.Tests.Integration;

/// <summary>
/// All integration tests share one pack (the expensive part) and run one after another: they start builds, and the
/// machines they run on have few cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<PackedPackagesFixture>
{
    public const string Name = "PerfGate.MSBuild packages";
}
