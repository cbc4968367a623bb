using PerfGate.Csv;

namespace PerfGate.Core.Tests.Csv;

public sealed class CsvFieldsTests
{
    [Theory]
    [InlineData("H800", "H800")]
    [InlineData("CX7 400Gbps", "CX7 400Gbps")] // an inner space needs no quotes
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")] // RFC 4180: quotes doubled inside a quoted field
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded", "\" padded\"")] // leading or trailing blanks would be lost to a trimming reader
    [InlineData("", "")]
    public void Fields_are_quoted_as_RFC_4180_requires(string field, string expected) =>
        Assert.Equal(expected, CsvFields.Quote(field));
}
