using PerfGate.Gate;
using PerfGate.Measurements;

namespace PerfGate.Tests.Gate;

public sealed class SharedStringsTests
{
    [Fact]
    public void Equal_short_texts_become_one_instance_and_long_ones_stay_their_own()
    {
        var first = new string(['5', '1', '2', '.', '2', '5']);
        var second = new string(['5', '1', '2', '.', '2', '5']);
        Assert.NotSame(first, second);
        Assert.Same(SharedStrings.Share(first), SharedStrings.Share(second));
        Assert.Equal("512.25", SharedStrings.Share(second));

        var longText = new string('d', 33);
        var longCopy = new string('d', 33);
        Assert.Same(longText, SharedStrings.Share(longText));
        Assert.Same(longCopy, SharedStrings.Share(longCopy));
    }

    [Fact]
    public void Snapshots_of_two_scenarios_share_their_equal_setting_values()
    {
        var a = new SnapshotBuilder("a", "1").Setting("decode.batch", 7.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)).Build();
        var b = new SnapshotBuilder("b", "1").Setting("decode.batch", 7.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)).Build();
        Assert.Equal("0007", a.Settings[0].Value);
        Assert.Same(a.Settings[0].Value, b.Settings[0].Value);
    }

    [Fact]
    public void A_measured_metrics_key_is_one_string_per_metric_and_statistic()
    {
        var one = new MeasuredMetric(MeasuredMetricKind.TimeToFirstToken, new string(['p', '9', '9']), 1, "d");
        var two = new MeasuredMetric(MeasuredMetricKind.TimeToFirstToken, "p99", 2, "e");
        Assert.Equal("ttft.p99", one.Key);
        Assert.Same(one.Key, two.Key);
    }
}
