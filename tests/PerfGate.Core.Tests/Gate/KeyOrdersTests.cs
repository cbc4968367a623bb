using PerfGate.Gate;

namespace PerfGate.Tests.Gate;

public sealed class KeyOrdersTests
{
    [Fact]
    public void The_order_is_the_ordinal_sort_of_the_keys_for_any_sequence()
    {
        var random = new Random(20261207);
        const string Alphabet = "abAB._-09[]z";
        for (var round = 0; round < 300; round++)
        {
            var keys = Enumerable.Range(0, random.Next(0, 40))
                .Select(i => new string([.. Enumerable.Range(0, random.Next(1, 8)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]) + "#" + i)
                .ToArray();
            var expected = keys.Order(StringComparer.Ordinal).ToArray();

            var order = KeyOrders.For(keys);

            Assert.Equal(expected, order.Select(i => keys[i]));
            Assert.Equal(expected, KeyOrders.For([.. keys]).Select(i => keys[i]));
        }
    }

    [Fact]
    public void A_sequence_of_the_same_text_finds_the_order_found_before_and_its_keys_are_left_as_they_were()
    {
        var first = new[] { "model", "hardware", "decode.batch", "cards" };
        var copy = first.Select(k => new string(k.AsSpan())).ToArray();
        var order = KeyOrders.For(first);
        Assert.Same(order, KeyOrders.For(copy));
        Assert.Equal(new[] { 3, 2, 1, 0 }, order);
        Assert.Equal(new[] { "model", "hardware", "decode.batch", "cards" }, copy);

        // One key more, or one key else, is another sequence.
        Assert.Equal(new[] { 3, 2, 1, 4, 0 }, KeyOrders.For([.. first, "memory"]));
        Assert.Equal(new[] { 2, 1, 0, 3 }, KeyOrders.For(["model", "hardware", "decode.batch", "zzz"]));
    }
}
