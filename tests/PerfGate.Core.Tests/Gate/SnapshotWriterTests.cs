using PerfGate.Gate;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Gate;

public sealed class SnapshotWriterTests
{
    [Fact]
    public void Writes_the_documented_format()
    {
        SnapshotAssert.Matches(SnapshotWriter.Write(SampleSnapshots.Qwq()), "SnapshotWriter.qwq", "txt");
    }

    [Fact]
    public void Round_trips_through_the_reader()
    {
        var snapshot = SampleSnapshots.Qwq();
        var text = SnapshotWriter.Write(snapshot);
        var read = SnapshotReader.Read(text, "x.verified.txt");
        Assert.True(read.IsValid, read.Error?.ToCanonicalString());
        Assert.Equal(text, SnapshotWriter.Write(read.Document!.Snapshot));
        Assert.Equal(snapshot.Metrics, read.Document.Snapshot.Metrics);
    }

    [Theory]
    // 6 significant digits: 27.123456789 -> 27.1235; 0.000123456789 -> 0.000123457; 123456789 -> 123457000.
    [InlineData(27.123456789, "27.1235")]
    [InlineData(0.000123456789, "0.000123457")]
    [InlineData(123456789, "123457000")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(-0.0, "0")]
    [InlineData(0.1 + 0.2, "0.3")]
    public void Rounds_to_six_significant_digits(double value, string expected)
    {
        Assert.Equal(expected, SignificantDigits.Format(SignificantDigits.Round(value, 6)));
    }

    [Fact]
    public void A_last_bit_difference_writes_the_same_text()
    {
        // 0.1 + 0.2 = 0.30000000000000004 and 0.3 differ in the last bit only.
        var a = SnapshotWriter.Write(new SnapshotBuilder("s", "1").Number("x", 0.1 + 0.2).Build());
        var b = SnapshotWriter.Write(new SnapshotBuilder("s", "1").Number("x", 0.3).Build());
        Assert.Equal(a, b);
    }

    [Fact]
    public void Output_does_not_depend_on_the_current_culture()
    {
        var invariant = SnapshotWriter.Write(SampleSnapshots.Qwq());
        var german = CultureScope.Run("de-DE", () => SnapshotWriter.Write(SampleSnapshots.Qwq()));
        Assert.Equal(invariant, german);
        Assert.Contains("decode.step_time = 27.1235 ms (lower is better)\n", german, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_rejects_a_duplicate_metric()
    {
        var builder = new SnapshotBuilder("s", "1").Number("a.b", 1);
        var ex = Assert.Throws<InvalidOperationException>(() => builder.Number("a.b", 2));
        Assert.Contains("'a.b' was added twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_rejects_a_key_with_a_space()
    {
        Assert.Throws<ArgumentException>(() => new SnapshotBuilder("s", "1").Number("step time", 1));
    }
}
