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
    public void Rounding_by_arithmetic_gives_the_texts_double_or_leaves_it_to_the_text()
    {
        // The fast path must agree bit for bit with "G<digits>" then parse, on every value it takes, and it must take
        // most values (else it is dead code); ties and the edges of the exact range go to the text.
        var random = new Random(20261206);
        var taken = 0;
        var ordinary = 0;
        var values = new List<double> { 0.5, 2.5, 1.0000005, 9.999995, 999999.5, 1e22, 1e-22, 1e23, 123456.5, 0.30000000000000004, double.Epsilon, double.MaxValue, 5e-324 };
        for (var i = 0; i < 20_000; i++)
        {
            values.Add(Math.Pow(10, (random.NextDouble() * 60) - 30) * (random.Next(2) == 0 ? 1 : -1));
            values.Add(Math.Round(random.NextDouble() * 1e6) / 1e3);
            values.Add(BitConverter.Int64BitsToDouble(random.NextInt64(0x0010_0000_0000_0000, 0x7FE0_0000_0000_0000)));
        }

        foreach (var value in values)
        {
            ordinary += Math.Abs(value) is > 1e-15 and < 1e15 ? 1 : 0;
            for (var digits = SignificantDigits.Min; digits <= SignificantDigits.Max; digits++)
            {
                if (SignificantDigits.TryRoundByArithmetic(value, digits, out var fast))
                {
                    taken += digits == SignificantDigits.Default && Math.Abs(value) is > 1e-15 and < 1e15 ? 1 : 0;
                    var text = SignificantDigits.RoundByText(value, digits);
                    Assert.True(BitConverter.DoubleToInt64Bits(text) == BitConverter.DoubleToInt64Bits(fast), $"{value:R} to {digits} digits: text {text:R}, arithmetic {fast:R}");
                }

                Assert.Equal(SignificantDigits.RoundByText(value, digits), SignificantDigits.Round(value, digits));
            }
        }

        Assert.True(taken > ordinary * 0.99, $"the arithmetic path took {taken} of {ordinary} six-digit roundings of snapshot-sized figures");
    }

    [Theory]
    [InlineData(0.25, 1)]
    [InlineData(2.5, 1)]
    [InlineData(999999.5, 6)]
    [InlineData(1e30, 6)]
    [InlineData(1e-23, 6)]
    [InlineData(0.1, 16)]
    public void Ties_and_out_of_range_values_are_left_to_the_text(double value, int digits)
    {
        Assert.False(SignificantDigits.TryRoundByArithmetic(value, digits, out _));
        Assert.Equal(SignificantDigits.RoundByText(value, digits), SignificantDigits.Round(value, digits));
    }

    // The leading digit's exponent comes from the binary exponent and one comparison, not a logarithm: exact powers of
    // ten, and the double nearest 1e23 (just below it), are rounded by arithmetic to the text's double.
    [Theory]
    [InlineData(1e22, 6)]
    [InlineData(1e23, 6)]
    [InlineData(1e-5, 6)]
    [InlineData(100, 3)]
    [InlineData(1, 1)]
    [InlineData(9.99999, 6)]
    public void Powers_of_ten_are_rounded_by_arithmetic(double value, int digits)
    {
        Assert.True(SignificantDigits.TryRoundByArithmetic(value, digits, out var fast));
        Assert.Equal(BitConverter.DoubleToInt64Bits(SignificantDigits.RoundByText(value, digits)), BitConverter.DoubleToInt64Bits(fast));
    }

    [Fact]
    public void A_rounded_figure_is_written_as_the_shortest_round_trip_text()
    {
        // The writer lays out the digits of a rounded figure itself; it must be .NET's "R" text, byte for byte, and take
        // nearly every figure (else the layout is dead code).
        var random = new Random(20261207);
        var values = new List<double> { 1e15, 9.99999e14, 1e14, 123456789012345, 1e-5, 1e-4, 0.0001234, 0.00001234, 1e22, 1.5e-7, 27.1, 100, 1, 0.1, 12345.6, 999999.5, 1e21, 0.0, -0.0 };
        for (var i = 0; i < 20_000; i++)
        {
            values.Add(Math.Pow(10, (random.NextDouble() * 50) - 25) * (random.Next(2) == 0 ? 1 : -1));
            values.Add(random.Next(1, 100_000) * Math.Pow(10, random.Next(-12, 12)));
        }

        var laid = 0;
        var total = 0;
        Span<char> text = stackalloc char[32];
        foreach (var value in values)
        {
            for (var digits = SignificantDigits.Min; digits <= SignificantDigits.Max; digits++)
            {
                var rounded = SignificantDigits.Round(value, digits);
                var expected = SignificantDigits.Format(rounded);
                Assert.Equal(expected, SignificantDigits.AppendRounded(new System.Text.StringBuilder(), rounded, digits).ToString());
                var written = SignificantDigits.TryFormatRounded(rounded, digits, text);
                Assert.True(written == 0 || text[..written].SequenceEqual(expected), $"{rounded:R} at {digits} digits: {text[..written].ToString()}");
                total += digits == SignificantDigits.Default ? 1 : 0;
                laid += digits == SignificantDigits.Default && written > 0 ? 1 : 0;
            }
        }

        Assert.True(laid > total * 0.9, $"the writer laid out {laid} of {total} six-digit figures (1e-25 to 1e25; beyond 1e-17 to 1e27 .NET formats them)");

        // Zero of either sign, unrounded too, is laid out as Format writes it.
        foreach (var zero in new[] { 0.0, -0.0 })
        {
            var written = SignificantDigits.TryFormatRounded(zero, SignificantDigits.Default, text);
            Assert.Equal(SignificantDigits.Format(zero), text[..written].ToString());
            Assert.Equal("0", text[..written].ToString());
        }
    }

    [Fact]
    public void FindMetric_gives_the_metric_of_a_key_and_null_for_a_key_the_snapshot_lacks()
    {
        var snapshot = WithLabel("x");
        Assert.Equal(Metric.Number("decode.step_time", 1.25, "ms"), snapshot.FindMetric("decode.step_time"));
        Assert.Null(snapshot.FindMetric("decode.missing"));
        Assert.Null(snapshot.FindMetric(string.Empty));
    }

    [Fact]
    public void The_figure_count_is_the_number_of_figures()
    {
        var snapshot = SampleSnapshots.Qwq();
        Assert.NotEmpty(snapshot.Tables);
        Assert.Equal(snapshot.AllFigures().Count(), snapshot.FigureCount);
        Assert.Equal(snapshot.Metrics.Count, (snapshot with { Tables = [] }).FigureCount);
    }

    [Fact]
    public void Table_cells_are_stored_rounded_and_a_rounded_row_is_kept_as_it_is()
    {
        var raw = new SnapshotRow("a", [SnapshotValue.Of(27.123456789), SnapshotValue.Of("memory"), SnapshotValue.Of(true)]);
        var rounded = new SnapshotRow("b", [SnapshotValue.Of(27.1235), SnapshotValue.Of("memory"), SnapshotValue.Of(false)]);
        var table = new SnapshotBuilder("s", "1")
            .Table(new SnapshotTable("t", [new SnapshotColumn("x"), new SnapshotColumn("y"), new SnapshotColumn("z")], [raw, rounded]))
            .Build().Tables.Single();
        Assert.Equal([SnapshotValue.Of(27.1235), SnapshotValue.Of("memory"), SnapshotValue.Of(true)], table.Rows[0].Cells);
        Assert.NotSame(raw.Cells, table.Rows[0].Cells);
        Assert.Same(rounded.Cells, table.Rows[1].Cells);
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

    [Theory]
    [InlineData("")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0")]
    [InlineData("0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdeg0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde ")]
    public void Builder_rejects_an_input_hash_that_is_not_64_lowercase_hex_digits(string sha256)
    {
        var ex = Assert.Throws<ArgumentException>(() => new SnapshotBuilder("s", "1").Input("a.yaml", sha256));
        Assert.Contains("SHA-256 must be 64 lowercase hex digits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_takes_an_input_hash_of_64_lowercase_hex_digits()
    {
        const string Hash = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        Assert.Equal(Hash, Assert.Single(new SnapshotBuilder("s", "1").Input("a.yaml", Hash).Build().Inputs).Sha256);
    }

    [Fact]
    public void Builder_rejects_a_key_with_a_space()
    {
        Assert.Throws<ArgumentException>(() => new SnapshotBuilder("s", "1").Number("step time", 1));
    }

    [Fact]
    public void Matches_is_byte_equality_with_the_written_texts_utf8()
    {
        // ASCII and not, and texts longer than the writer's first 16 KiB chunk (each kind has its own comparison).
        foreach (var snapshot in new[] { SampleSnapshots.Qwq(), SampleSnapshots.Llama(), WithLabel("Straße ≥ 1 ✓"), WithRows(2_000, "ok"), WithRows(2_000, "é") })
        {
            var utf8 = System.Text.Encoding.UTF8.GetBytes(SnapshotWriter.Write(snapshot));
            Assert.True(SnapshotWriter.Matches(snapshot, utf8));
            Assert.False(SnapshotWriter.Matches(snapshot, utf8.AsSpan(0, utf8.Length - 1)));
            Assert.False(SnapshotWriter.Matches(snapshot, [.. utf8, (byte)'\n']));
            for (var at = 0; at < utf8.Length; at += 97)
            {
                var changed = utf8.ToArray();
                changed[at] ^= 0x20;
                Assert.False(SnapshotWriter.Matches(snapshot, changed));
                changed[at] = utf8[at] == 0xC3 ? (byte)0xC4 : (byte)0xC3; // a byte that is not ASCII, the length unchanged
                Assert.False(SnapshotWriter.Matches(snapshot, changed));
            }
        }

        Assert.False(SnapshotWriter.Matches(SampleSnapshots.Qwq(), []));
    }

    [Fact]
    public void A_text_without_utf8_matches_no_bytes()
    {
        // A lone surrogate cannot be written as UTF-8; its replacement character's bytes are not the text's.
        var snapshot = WithLabel("x\uD800y");
        Assert.False(SnapshotWriter.Matches(snapshot, System.Text.Encoding.UTF8.GetBytes(SnapshotWriter.Write(snapshot))));
    }

    private static Snapshot WithRows(int count, string cell) =>
        new SnapshotBuilder("rows-test", "0.1.0")
            .Table(new SnapshotTable("t", [new SnapshotColumn("v")], [.. Enumerable.Range(0, count).Select(i => new SnapshotRow($"r{i}", [SnapshotValue.Of(cell)]))]))
            .Build();

    private static Snapshot WithLabel(string text) =>
        new SnapshotBuilder("label-test", "0.1.0").Label("note", text).Number("decode.step_time", 1.25, "ms").Build();
}
