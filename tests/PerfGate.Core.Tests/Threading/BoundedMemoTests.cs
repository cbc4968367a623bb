using PerfGate.Threading;

namespace PerfGate.Tests.Threading;

public sealed class BoundedMemoTests
{
    [Fact]
    public void A_key_is_computed_once_and_past_the_capacity_new_keys_are_computed_every_time()
    {
        var memo = new BoundedMemo<int, string>(2);
        var calls = 0;
        string Create(int k)
        {
            calls++;
            return new string('x', k);
        }

        var one = memo.GetOrAdd(1, Create);
        Assert.Same(one, memo.GetOrAdd(1, Create));
        Assert.Equal(1, calls);

        memo.GetOrAdd(2, Create);
        var three = memo.GetOrAdd(3, Create);
        Assert.NotSame(three, memo.GetOrAdd(3, Create));
        Assert.Equal("xxx", three);
        Assert.Equal(4, calls);
        Assert.Same(one, memo.GetOrAdd(1, Create));
    }

    [Fact]
    public void Threads_asking_for_one_new_key_at_once_all_get_the_value_that_was_kept()
    {
        for (var round = 0; round < 50; round++)
        {
            var memo = new BoundedMemo<string, string>(16, StringComparer.Ordinal);
            var got = new string[8];
            Parallel.For(0, got.Length, i => got[i] = memo.GetOrAdd("key", k => new string(k.AsSpan())));
            Assert.All(got, g => Assert.Same(memo.GetOrAdd("key", _ => "other"), g));
        }
    }
}
