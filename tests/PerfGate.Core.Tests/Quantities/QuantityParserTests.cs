using PerfGate.Quantities;

namespace PerfGate.Tests.Quantities;

public sealed class QuantityParserTests
{
    [Theory]
    [InlineData("80 GiB", 80L * 1024 * 1024 * 1024)]
    [InlineData("80 GB", 80_000_000_000L)]
    [InlineData("65536 MiB", 65536L * 1024 * 1024)]
    [InlineData("81559MiB", 81559L * 1024 * 1024)]
    [InlineData("1.5 KiB", 1536L)]
    [InlineData("512 B", 512L)]
    public void Sizes_are_exact_and_keep_binary_and_decimal_apart(string text, long expected)
    {
        Assert.True(QuantityParser.TryParseBytes(text, out var value, out var error), error);
        Assert.Equal(expected, value.Value);
    }

    [Theory]
    [InlineData("3.35 TB/s", 3.35e12)]
    [InlineData("400 Gb/s", 50e9)]
    [InlineData("400 Gbps", 50e9)]
    [InlineData("40 GiB/s", 40.0 * 1024 * 1024 * 1024)]
    public void Rates_distinguish_bits_from_bytes(string text, double expected)
    {
        Assert.True(QuantityParser.TryParseRate(text, out var value, out var error), error);
        Assert.Equal(expected, value.Value, 1e-3);
    }

    [Fact]
    public void Flops_and_durations_parse()
    {
        Assert.True(QuantityParser.TryParseFlops("989 TFLOPS", out var f, out _));
        Assert.Equal(989e12, f.Value);
        Assert.True(QuantityParser.TryParseDuration("0.5 us", out var d, out _));
        Assert.Equal(0.5e-6, d.Seconds, 15);
    }

    [Theory]
    [InlineData("80", "has no unit")]
    [InlineData("80 gib", "did you mean 'GiB'")]
    [InlineData("3,35 TB/s", "not a number")]
    [InlineData("fast", "not a size")]
    [InlineData("-1 GiB", "negative")]
    [InlineData("80 GHz", "unknown unit 'GHz'")]
    public void Bad_sizes_say_what_is_wrong(string text, string expected)
    {
        Assert.False(QuantityParser.TryParseBytes(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
