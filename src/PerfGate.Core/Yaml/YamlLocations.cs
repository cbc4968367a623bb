using PerfGate.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PerfGate.Yaml;

/// <summary>Turns YamlDotNet marks (1-based line and column) into <see cref="SourceLocation"/>.</summary>
public static class YamlLocations
{
    public static SourceLocation Of(string file, YamlNode node) => Of(file, node.Start);

    public static SourceLocation Of(string file, Mark mark) =>
        new(file, (int)Math.Min(int.MaxValue, mark.Line), (int)Math.Min(int.MaxValue, mark.Column));
}
