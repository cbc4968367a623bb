using System.Collections.Concurrent;
using PerfGate.Threading;

namespace PerfGate.Core.Tests.Threading;

public sealed class OrderedParallelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ForEach_consumes_every_result_in_the_items_order_on_the_calling_thread(int degree)
    {
        var items = Enumerable.Range(0, 200).ToArray();
        var caller = Environment.CurrentManagedThreadId;
        var consumed = new List<int>();
        OrderedParallel.ForEach(items, degree, i => i * 10, r =>
        {
            Assert.Equal(caller, Environment.CurrentManagedThreadId);
            consumed.Add(r);
        });

        Assert.Equal(items.Select(i => i * 10), consumed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void ForEach_maps_no_item_more_than_a_window_ahead_of_the_results_consumed(int degree)
    {
        // What keeps a large workspace's parsed trees from being held all at once: at most one window of results
        // (16 items a core) is mapped ahead of the last one consumed.
        var items = Enumerable.Range(0, 200).ToList();
        var consumed = 0;
        var waiting = new ConcurrentBag<int>();
        OrderedParallel.ForEach(items, degree, i =>
        {
            waiting.Add(i - Volatile.Read(ref consumed));
            return i;
        }, _ => Interlocked.Increment(ref consumed));

        Assert.Equal(200, consumed);
        Assert.InRange(waiting.Max(), 0, degree <= 1 ? 0 : (degree * 16) - 1);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(2, 500)]
    [InlineData(3, 37)]
    [InlineData(8, 500)]
    public void ForEach_maps_every_item_exactly_once(int degree, int count)
    {
        var items = Enumerable.Range(0, count).ToArray();
        var mapped = new int[count];
        var consumed = new List<int>();
        OrderedParallel.ForEach(items, degree, i =>
        {
            Interlocked.Increment(ref mapped[i]);
            return i;
        }, consumed.Add);

        Assert.All(mapped, m => Assert.Equal(1, m));
        Assert.Equal(items, consumed);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void ForEach_consumes_the_results_before_a_failed_mapping_then_rethrows_it_as_itself_as_one_core_would(int degree)
    {
        var items = Enumerable.Range(0, 100).ToArray();
        var consumed = new List<int>();
        var ex = Assert.Throws<InvalidOperationException>(() => OrderedParallel.ForEach(items, degree, i => i == 70 ? throw new InvalidOperationException("item 70") : i, consumed.Add));

        Assert.Equal("item 70", ex.Message);
        Assert.Equal(Enumerable.Range(0, 70), consumed);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void ForEach_rethrows_a_consumer_exception_once_no_mapping_is_running(int degree)
    {
        var items = Enumerable.Range(0, 400).ToArray();
        var running = 0;
        var ex = Assert.Throws<InvalidOperationException>(() => OrderedParallel.ForEach(items, degree, i =>
        {
            Interlocked.Increment(ref running);
            Thread.SpinWait(2000);
            Interlocked.Decrement(ref running);
            return i;
        }, r =>
        {
            if (r == 20)
            {
                throw new InvalidOperationException("consumer");
            }
        }));

        Assert.Equal("consumer", ex.Message);
        Assert.Equal(0, Volatile.Read(ref running));
    }
}
