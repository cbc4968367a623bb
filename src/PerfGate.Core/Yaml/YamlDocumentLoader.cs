using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PerfGate.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PerfGate.Yaml;

/// <summary>
/// Loads one YAML document strictly. A first pass over the parser's events refuses hostile or
/// ambiguous input (too large, too deep, too many nodes, anchors/aliases, several documents,
/// duplicate or non-scalar keys) before the representation model builds a tree from the same events, so the tree
/// builder never sees input that could exhaust the stack or memory, and the text is parsed once.
/// </summary>
public static partial class YamlDocumentLoader
{
    public static YamlLoadResult Load(string text, string file, YamlLimits? limits = null)
    {
        limits ??= YamlLimits.Default;
        var diagnostics = new List<Diagnostic>();
        var size = Encoding.UTF8.GetByteCount(text);
        if (size > limits.MaxFileBytes)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticIds.HostileInput,
                string.Create(CultureInfo.InvariantCulture, $"the file is {size} bytes, more than the {limits.MaxFileBytes} bytes (1 MiB) PerfGate reads; split it into smaller files"),
                new SourceLocation(file)));
            return new YamlLoadResult(null, file, diagnostics);
        }

        var events = new List<YamlDotNet.Core.Events.ParsingEvent>();
        if (!YamlPreScan.Run(text, file, limits, diagnostics, events))
        {
            return new YamlLoadResult(null, file, diagnostics);
        }

        var stream = new YamlStream();
        try
        {
            // The tree is built from the events the first pass read: the text is parsed once.
            stream.Load(new ReplayParser(events));
        }
        catch (YamlException ex)
        {
            diagnostics.Add(SyntaxError(ex, file));
            return new YamlLoadResult(null, file, diagnostics);
        }
        catch (InvalidOperationException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.YamlSyntax, "YAML syntax error: the text cannot be parsed", new SourceLocation(file, 1, 1)));
            return new YamlLoadResult(null, file, diagnostics);
        }

        if (stream.Documents.Count == 0 || IsEmpty(stream.Documents[0].RootNode))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingField, "the file is empty; expected a YAML mapping starting with 'kind:'", new SourceLocation(file, 1, 1)));
            return new YamlLoadResult(null, file, diagnostics);
        }

        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticIds.WrongType,
                $"the document must be a mapping of keys to values (e.g. 'kind: model'), not {YamlDescriptions.Describe(root)}",
                YamlLocations.Of(file, root)));
            return new YamlLoadResult(null, file, diagnostics);
        }

        return new YamlLoadResult(mapping, file, diagnostics);
    }

    internal static Diagnostic SyntaxError(YamlException ex, string file)
    {
        var message = LocationPrefix().Replace(ex.Message, string.Empty);
        if (ex.InnerException is YamlException inner && !string.IsNullOrEmpty(inner.Message))
        {
            message = LocationPrefix().Replace(inner.Message, string.Empty);
        }

        return Diagnostic.Error(DiagnosticIds.YamlSyntax, $"YAML syntax error: {message.Trim()}", YamlLocations.Of(file, ex.Start));
    }

    private static bool IsEmpty(YamlNode node) =>
        node is YamlScalarNode s && string.IsNullOrEmpty(s.Value) && s.Style == YamlDotNet.Core.ScalarStyle.Plain;

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant)]
    private static partial Regex LocationPrefix();
}
