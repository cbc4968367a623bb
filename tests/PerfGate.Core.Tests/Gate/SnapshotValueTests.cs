using PerfGate.Gate;

namespace PerfGate.Tests.Gate;

public sealed class SnapshotValueTests
{
    [Fact]
    public void Each_kind_keeps_its_kind_and_content()
    {
        Assert.Equal(SnapshotValueKind.Number, SnapshotValue.Of(1.5).Kind);
        Assert.Equal(1.5, SnapshotValue.Of(1.5).Number);
        Assert.Null(SnapshotValue.Of(1.5).Text);
        Assert.Equal(SnapshotValueKind.Boolean, SnapshotValue.Of(true).Kind);
        Assert.True(SnapshotValue.Of(true).Boolean);
        Assert.False(SnapshotValue.Of(false).Boolean);
        Assert.Null(SnapshotValue.Of(true).Text);
        Assert.Equal(SnapshotValueKind.Text, SnapshotValue.Of("holds").Kind);
        Assert.Equal("holds", SnapshotValue.Of("holds").Text);
        Assert.Equal(0, SnapshotValue.Of("holds").Number);
        Assert.False(SnapshotValue.Of(1.0).Boolean);

        // The default value is the number 0, as a zeroed array of cells reads.
        Assert.Equal(SnapshotValue.Of(0.0), default);
        Assert.True(default(SnapshotValue).IsNumber);
    }

    [Fact]
    public void Values_are_equal_only_with_the_same_kind_and_content()
    {
        Assert.Equal(SnapshotValue.Of("ms"), SnapshotValue.Of(new string("ms".AsSpan())));
        Assert.Equal(SnapshotValue.Of("ms").GetHashCode(), SnapshotValue.Of(new string("ms".AsSpan())).GetHashCode());
        Assert.Equal(SnapshotValue.Of(true), SnapshotValue.Of(true));
        Assert.NotEqual(SnapshotValue.Of(true), SnapshotValue.Of(1.0));
        Assert.NotEqual(SnapshotValue.Of(false), SnapshotValue.Of(0.0));
        Assert.NotEqual(SnapshotValue.Of("1"), SnapshotValue.Of(1.0));
        Assert.NotEqual(SnapshotValue.Of(true), SnapshotValue.Of(false));
        Assert.Equal(SnapshotValue.Of(-0.0), SnapshotValue.Of(0.0));
    }

    [Fact]
    public void A_value_takes_two_fields()
    {
        // Every table cell and figure of a check lives until the run ends: the kind is carried by the tag field.
        Assert.Equal(16, System.Runtime.CompilerServices.Unsafe.SizeOf<SnapshotValue>());
    }
}
