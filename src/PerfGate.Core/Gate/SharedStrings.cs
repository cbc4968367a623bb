using PerfGate.Threading;

namespace PerfGate.Gate;

/// <summary>
/// One string per short setting value for the whole run (internal): every scenario's snapshot keeps its settings to the
/// end of a check, and a workspace's scenarios repeat the same batch sizes, contexts, fractions and engine names ("512",
/// "0.9", "vllm"), each formatted anew per scenario. Values longer than <see cref="MaxLength"/> (descriptions) are kept
/// as they are, and past <see cref="MaxCount"/> distinct values nothing more is shared, so no input grows this table
/// without bound.
/// </summary>
internal static class SharedStrings
{
    private const int MaxLength = 32;
    private const int MaxCount = 4096;

    private static readonly BoundedMemo<string, string> Strings = new(MaxCount, StringComparer.Ordinal);

    /// <summary>The run's instance of <paramref name="text"/>: the first one seen, or <paramref name="text"/> itself.</summary>
    public static string Share(string text) => text.Length > MaxLength ? text : Strings.GetOrAdd(text, static t => t);
}
