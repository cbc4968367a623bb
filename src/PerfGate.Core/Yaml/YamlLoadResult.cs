using PerfGate.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace PerfGate.Yaml;

/// <summary>A parsed YAML document (its root mapping), or null with the diagnostics that say why not.</summary>
public sealed record YamlLoadResult(YamlMappingNode? Root, string File, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Root is not null;
}
