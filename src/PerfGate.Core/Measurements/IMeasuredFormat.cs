namespace PerfGate.Measurements;

/// <summary>
/// One report format: an id for <c>--format</c>, the tool that writes it, a cheap test of whether a text is one, and
/// the parser. Every format is one type, registered once in <see cref="MeasuredFormats.All"/>.
/// </summary>
public interface IMeasuredFormat
{
    /// <summary>"guidellm-json", "vllm-json", ...: what <c>--format</c> takes.</summary>
    string Id { get; }

    /// <summary>What writes it, for messages and help: "GuideLLM --output kind=json".</summary>
    string Description { get; }

    /// <summary>True when <paramref name="input"/> looks like this format (distinctive keys or titles; not a full parse).</summary>
    bool Recognises(MeasuredInput input);

    /// <summary>The runs in the report, every field normalised; malformed content is an error with file, line and column.</summary>
    MeasuredParseResult Parse(MeasuredInput input);
}
