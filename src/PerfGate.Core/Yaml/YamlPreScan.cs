using PerfGate.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PerfGate.Yaml;

/// <summary>
/// One pass over the parser's events, iterative (no recursion), that enforces <see cref="YamlLimits"/>
/// and reports anchors, aliases, several documents, and duplicate or non-scalar keys.
/// </summary>
internal static class YamlPreScan
{
    private sealed class Frame
    {
        public bool IsMapping { get; private set; }
        public bool ExpectKey { get; set; }
        public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);

        /// <summary>
        /// A frame for a mapping or list starting now: one this thread used before when it has one (with its key set's
        /// room: every file of a workspace opens a few dozen mappings), else a new one.
        /// </summary>
        public static Frame Open(bool isMapping)
        {
            var frame = _spare is { Count: > 0 } spare ? spare.Pop() : new Frame();
            frame.IsMapping = isMapping;
            frame.ExpectKey = true;
            return frame;
        }

        /// <summary>Gives a closed frame back for <see cref="Open"/>; one that held many keys is dropped rather than kept.</summary>
        public void Close()
        {
            if (Keys.Count <= MaxKeptKeys)
            {
                Keys.Clear();
                (_spare ??= new Stack<Frame>()).Push(this);
            }
        }

        private const int MaxKeptKeys = 64;

        [ThreadStatic]
        private static Stack<Frame>? _spare;
    }

    /// <summary>
    /// True when the text may be loaded into a tree. The events read are added to <paramref name="events"/> when given,
    /// so the tree is built from them (<see cref="ReplayParser"/>) instead of parsing the text a second time; the node
    /// limit bounds that list.
    /// </summary>
    public static bool Run(string text, string file, YamlLimits limits, List<Diagnostic> diagnostics, List<ParsingEvent>? events = null)
    {
        var before = diagnostics.Count;
        var stack = new Stack<Frame>();
        var nodes = 0;
        var documents = 0;
        var parser = new Parser(new StringReader(text));
        var last = Mark.Empty;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                events?.Add(e);
                last = e.End;
                switch (e)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticIds.HostileInput, "the file holds more than one YAML document ('---'); put one document in each file", YamlLocations.Of(file, e.Start)));
                            return false;
                        }

                        break;
                    case AnchorAlias alias:
                        diagnostics.Add(Diagnostic.Error(DiagnosticIds.HostileInput, $"alias '*{alias.Value}' is not supported: PerfGate does not support YAML anchors and aliases; write the value out in full", YamlLocations.Of(file, e.Start)));
                        return false;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        diagnostics.Add(Diagnostic.Error(DiagnosticIds.HostileInput, $"anchor '&{node.Anchor}' is not supported: PerfGate does not support YAML anchors and aliases; write the value out in full", YamlLocations.Of(file, e.Start)));
                        return false;
                }

                switch (e)
                {
                    case Scalar scalar:
                        if (!CountNode(ref nodes, limits, file, e, diagnostics))
                        {
                            return false;
                        }

                        if (stack.TryPeek(out var top) && top.IsMapping && top.ExpectKey)
                        {
                            var key = scalar.Value;
                            if (top.Keys.TryGetValue(key, out var first))
                            {
                                diagnostics.Add(Diagnostic.Error(
                                    DiagnosticIds.DuplicateKey,
                                    $"duplicate key '{key}' (first written at line {first.Line}); each key may appear once in a mapping",
                                    YamlLocations.Of(file, e.Start)));
                            }
                            else
                            {
                                top.Keys.Add(key, e.Start);
                            }
                        }

                        Completed(stack);
                        break;
                    case MappingStart or SequenceStart:
                        if (!CountNode(ref nodes, limits, file, e, diagnostics))
                        {
                            return false;
                        }

                        if (stack.TryPeek(out var parent) && parent.IsMapping && parent.ExpectKey)
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticIds.WrongType, "a key must be plain text, not a mapping or a list", YamlLocations.Of(file, e.Start)));
                            return false;
                        }

                        if (stack.Count >= limits.MaxDepth)
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticIds.HostileInput, $"nesting is deeper than {limits.MaxDepth} levels; PerfGate documents are only a few levels deep", YamlLocations.Of(file, e.Start)));
                            return false;
                        }

                        stack.Push(Frame.Open(e is MappingStart));
                        break;
                    case MappingEnd or SequenceEnd:
                        stack.Pop().Close();
                        Completed(stack);
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            diagnostics.Add(YamlDocumentLoader.SyntaxError(ex, file));
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some malformed input (e.g. an unclosed flow list).
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.YamlSyntax, "YAML syntax error after this point: the text cannot be parsed (an unclosed '[', '{' or quote?)", YamlLocations.Of(file, last)));
            return false;
        }

        return diagnostics.Count == before;
    }

    private static bool CountNode(ref int nodes, YamlLimits limits, string file, ParsingEvent e, List<Diagnostic> diagnostics)
    {
        nodes++;
        if (nodes <= limits.MaxNodes)
        {
            return true;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticIds.HostileInput, $"the file has more than {limits.MaxNodes} YAML nodes; split it into smaller files", YamlLocations.Of(file, e.Start)));
        return false;
    }

    private static void Completed(Stack<Frame> stack)
    {
        if (stack.TryPeek(out var top) && top.IsMapping)
        {
            top.ExpectKey = !top.ExpectKey;
        }
    }
}
