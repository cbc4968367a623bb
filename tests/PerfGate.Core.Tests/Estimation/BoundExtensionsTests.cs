using PerfGate.Estimation;

namespace PerfGate.Tests.Estimation;

public sealed class BoundExtensionsTests
{
    [Fact]
    public void Each_bound_is_written_as_its_name_in_lower_case()
    {
        Assert.Equal(["memory", "compute", "network", "launch"], Enum.GetValues<Bound>().Select(b => b.ToId()));
        foreach (var bound in Enum.GetValues<Bound>())
        {
            Assert.Equal(bound.ToString().ToLowerInvariant(), bound.ToId());
        }

        Assert.Equal("200", ((Bound)200).ToId());
    }
}
