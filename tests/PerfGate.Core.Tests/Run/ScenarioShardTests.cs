using PerfGate.Run;

namespace PerfGate.Tests.Run;

public sealed class ScenarioShardTests
{
    [Fact]
    public void Index_and_count_are_parsed_from_index_slash_count()
    {
        Assert.True(ScenarioShard.TryParse("2/4", out var shard, out var error));
        Assert.Null(error);
        Assert.Equal((2, 4, "2/4"), (shard.Index, shard.Count, shard.ToString()));
    }

    [Theory]
    [InlineData("3/2", "--shard '3/2': the shard index must be from 1 to 2, e.g. --shard 1/2")]
    [InlineData("0/2", "--shard '0/2': the shard index must be from 1 to 2, e.g. --shard 1/2")]
    [InlineData("0/0", "--shard '0/0': the shard count must be at least 1, e.g. --shard 1/4")]
    [InlineData("1/0", "--shard '1/0': the shard count must be at least 1, e.g. --shard 1/4")]
    [InlineData("two/4", "--shard 'two/4' is not INDEX/COUNT; write two whole numbers, e.g. --shard 1/4 for the first of four shards")]
    [InlineData("1/2/3", "--shard '1/2/3' is not INDEX/COUNT; write two whole numbers, e.g. --shard 1/4 for the first of four shards")]
    [InlineData("-1/2", "--shard '-1/2' is not INDEX/COUNT; write two whole numbers, e.g. --shard 1/4 for the first of four shards")]
    [InlineData("2", "--shard '2' is not INDEX/COUNT; write two whole numbers, e.g. --shard 1/4 for the first of four shards")]
    public void A_bad_shard_names_what_is_wrong_and_what_would_be_right(string text, string expected)
    {
        Assert.False(ScenarioShard.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void The_shard_of_an_id_is_FNV_1a_of_its_UTF_8_bytes_modulo_the_count()
    {
        // FNV-1a("a") = (2166136261 xor 97) * 16777619 mod 2^32 = 3826002220; 3826002220 mod 2 = 0 -> shard 1,
        // mod 3 = 1 -> shard 2, mod 4 = 0 -> shard 1. FNV-1a("llama-3-8b-h100") = 2833586469 (same steps per byte):
        // mod 2 = 1 -> shard 2, mod 3 = 0 -> shard 1, mod 4 = 1 -> shard 2.
        Assert.Equal([1, 2, 1], new[] { 2, 3, 4 }.Select(n => ScenarioShard.Of("a", n)));
        Assert.Equal([2, 1, 2], new[] { 2, 3, 4 }.Select(n => ScenarioShard.Of("llama-3-8b-h100", n)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void Every_scenario_is_in_exactly_one_shard(int count)
    {
        var ids = Enumerable.Range(0, 500).Select(i => $"scenario-{i}").ToList();
        var shards = Enumerable.Range(1, count).Select(i => ScenarioShard.TryParse($"{i}/{count}", out var s, out _) ? s : throw new InvalidOperationException()).ToList();

        Assert.All(ids, id => Assert.Single(shards, s => s.Owns(id)));
        Assert.All(shards, s => Assert.Contains(ids, s.Owns)); // 500 ids leave no shard empty
    }
}
