using PerfGate.Gate;

namespace PerfGate.Tests.Gate;

public sealed class SnapshotTextTests
{
    /// <summary>The key rule, character by character, as its documentation states it (ASCII letters, digits and _ - . / : + @ [ ] % * ^).</summary>
    [Fact]
    public void A_key_is_made_of_ascii_letters_digits_and_the_documented_punctuation_only()
    {
        for (var c = char.MinValue; ; c++)
        {
            var documented = char.IsAsciiLetterOrDigit(c) || "_-./:+@[]%*^".Contains(c, StringComparison.Ordinal);
            Assert.True(documented == SnapshotText.IsValidKey(c.ToString()), $"U+{(int)c:X4}");
            Assert.True(documented == SnapshotText.IsValidKey("decode.stepTime" + c + "x"), $"U+{(int)c:X4} inside a key");
            if (c == char.MaxValue)
            {
                break;
            }
        }

        Assert.False(SnapshotText.IsValidKey(string.Empty));
        Assert.True(SnapshotText.IsValidKey("accuracy.rows[qps-4].ttft.p99"));
    }
}
