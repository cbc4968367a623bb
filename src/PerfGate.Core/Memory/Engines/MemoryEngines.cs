namespace PerfGate.Memory.Engines;

/// <summary>
/// The registration list of engine memory conventions: adding an engine is one class implementing
/// <see cref="IEngineConvention"/> and one line here. The accepted YAML and <c>--engine</c> spellings derive from it.
/// </summary>
public static class MemoryEngines
{
    /// <summary>The engine a scenario or request uses when none is named.</summary>
    public static IEngineConvention MindIE { get; } = new MindieEngine();

    public static IReadOnlyList<IEngineConvention> All { get; } =
    [
        MindIE,
        new VllmEngine(),
        new SglangEngine(),
        new TensorRtLlmEngine(),
    ];

    /// <summary>Every accepted spelling: the canonical ids in registration order, then the aliases.</summary>
    public static IReadOnlyList<KeyValuePair<string, IEngineConvention>> Spellings { get; } =
    [
        .. All.Select(e => new KeyValuePair<string, IEngineConvention>(e.Id, e)),
        .. All.SelectMany(e => e.Aliases.Select(a => new KeyValuePair<string, IEngineConvention>(a, e))),
    ];

    /// <summary>The engine with this id or alias (ordinal), or null.</summary>
    public static IEngineConvention? Find(string spelling) =>
        Spellings.FirstOrDefault(s => s.Key == spelling).Value;

    /// <summary>"mindie (default), vllm, sglang or tensorrt-llm (alias trtllm)": the accepted spellings, for help texts.</summary>
    public static string Choices { get; } = string.Join(", ", All.SkipLast(1).Select(Describe)) + " or " + Describe(All[^1]);

    private static string Describe(IEngineConvention e) =>
        e.Id + (ReferenceEquals(e, MindIE) ? " (default)" : string.Empty) + (e.Aliases.Count > 0 ? $" (alias {string.Join(", ", e.Aliases)})" : string.Empty);
}
