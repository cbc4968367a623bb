using PerfGate.Diagnostics;

namespace PerfGate.Tests.Reports;

public sealed class SeverityExtensionsTests
{
    [Fact]
    public void Each_severity_is_written_as_its_name_in_lower_case()
    {
        foreach (var severity in Enum.GetValues<Severity>())
        {
            Assert.Equal(severity.ToString().ToLowerInvariant(), severity.ToId());
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => ((Severity)9).ToId());
        Assert.Equal("x.yaml(3,5): warning PG0001: m", Diagnostic.Warning("PG0001", "m", new SourceLocation("x.yaml", 3, 5)).ToCanonicalString());
        Assert.Equal("perfgate: info PG0001: m", Diagnostic.Info("PG0001", "m", SourceLocation.None).ToCanonicalString());
    }
}
