using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PerfGate.Yaml;

/// <summary>Hands YamlDotNet's tree builder parsing events already read (by <see cref="YamlPreScan"/>), in order.</summary>
internal sealed class ReplayParser(IReadOnlyList<ParsingEvent> events) : IParser
{
    private int _next;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        if (_next >= events.Count)
        {
            Current = null;
            return false;
        }

        Current = events[_next++];
        return true;
    }
}
