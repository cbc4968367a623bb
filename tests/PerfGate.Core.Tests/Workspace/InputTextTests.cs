using System.Text;
using PerfGate.Workspace;

namespace PerfGate.Tests.Workspace;

public sealed class InputTextTests
{
    [Fact]
    public void Utf8_is_decoded_and_a_byte_order_mark_dropped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("id: größe\n")).ToArray();
        Assert.Equal("id: größe\n", InputText.Decode(bytes, "a.yaml", out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Invalid_utf8_is_an_error_at_the_line_and_column_of_the_first_bad_byte()
    {
        // Line 1 "a: 1\n"; line 2 "b: é" is 'b', ':', ' ', 'é' (two bytes) = 4 characters, so the bad 0xFF is column 5.
        var bytes = Encoding.UTF8.GetBytes("a: 1\nb: é").Concat(new byte[] { 0xFF, (byte)'x' }).ToArray();
        Assert.Null(InputText.Decode(bytes, "a.yaml", out var error));
        Assert.Equal(
            "a.yaml(2,5): error PG2001: the file is not valid UTF-8 text: byte 0xFF here does not start a UTF-8 character; save the file as UTF-8",
            error!.ToCanonicalString());
    }

    [Fact]
    public void A_truncated_character_at_the_end_is_located_too()
    {
        // "ab" then the first byte of a two-byte character with nothing after it: column 3.
        Assert.Null(InputText.Decode([(byte)'a', (byte)'b', 0xC3], "x.json", out var error));
        Assert.StartsWith("x.json(1,3): error PG2001: the file is not valid UTF-8 text: byte 0xC3 here", error!.ToCanonicalString(), StringComparison.Ordinal);
    }
}
