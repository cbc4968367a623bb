using PerfGate.Csv;

namespace PerfGate.Core.Tests.Csv;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Records_fields_and_their_lines_are_read_as_RFC_4180_defines_them()
    {
        // Line 1 header; line 2 blank (skipped); line 3 a quoted comma, a doubled quote and blanks around fields;
        // lines 4-5 one record whose quoted field holds a line break; line 6 CRLF; line 7 no final line break.
        var text = "dtype,m,time_us\n\n bf16 , \"1,024\" ,\"say \"\"hi\"\"\"\n\"two\nlines\",2,3\r\nfp8,4,5\r\nlast,6,7";
        var reader = new CsvRecordReader(new StringReader(text));
        var records = new List<(int Line, string[] Fields)>();
        while (reader.TryRead(out var record))
        {
            records.Add((reader.Line, record));
        }

        Assert.Equal(
            [
                (1, ["dtype", "m", "time_us"]),
                (3, ["bf16", "1,024", "say \"hi\""]),
                (4, ["two\nlines", "2", "3"]),
                (6, ["fp8", "4", "5"]),
                (7, ["last", "6", "7"]),
            ],
            records.Select(r => (r.Line, r.Fields)).ToArray(),
            new RecordComparer());
    }

    [Fact]
    public void Empty_fields_and_short_rows_are_kept_as_they_are()
    {
        var reader = new CsvRecordReader(new StringReader("a,,c\nd\n"));
        Assert.True(reader.TryRead(out var first));
        Assert.Equal(["a", "", "c"], first);
        Assert.True(reader.TryRead(out var second));
        Assert.Equal(["d"], second);
        Assert.Equal(2, reader.Line);
        Assert.False(reader.TryRead(out _));
    }

    [Fact]
    public void Empty_input_has_no_record() =>
        Assert.False(new CsvRecordReader(new StringReader("\n  \n")).TryRead(out _));

    private sealed class RecordComparer : IEqualityComparer<(int Line, string[] Fields)>
    {
        public bool Equals((int Line, string[] Fields) x, (int Line, string[] Fields) y) => x.Line == y.Line && x.Fields.SequenceEqual(y.Fields);

        public int GetHashCode((int Line, string[] Fields) obj) => obj.Line;
    }
}
