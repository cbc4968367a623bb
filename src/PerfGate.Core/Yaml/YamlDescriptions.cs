using YamlDotNet.RepresentationModel;

namespace PerfGate.Yaml;

/// <summary>Words for YAML node shapes in messages.</summary>
internal static class YamlDescriptions
{
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s when s.Value is null || (s.Value.Length == 0 && s.Style == YamlDotNet.Core.ScalarStyle.Plain) => "an empty value",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "an alias",
    };
}
