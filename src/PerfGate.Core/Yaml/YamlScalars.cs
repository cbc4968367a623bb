using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PerfGate.Yaml;

/// <summary>Small helpers over scalar nodes.</summary>
internal static class YamlScalars
{
    /// <summary>An unquoted empty value, '~' or 'null'.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode s && s.Style is ScalarStyle.Plain or ScalarStyle.Any &&
        (string.IsNullOrEmpty(s.Value) || s.Value is "~" or "null" or "Null" or "NULL");
}
