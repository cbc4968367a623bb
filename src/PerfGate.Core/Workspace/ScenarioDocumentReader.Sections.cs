using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Memory.Engines;
using PerfGate.Scenarios;
using PerfGate.Yaml;
using YamlDotNet.RepresentationModel;

namespace PerfGate.Workspace;

public static partial class ScenarioDocumentReader
{
    private static SearchSettings? ReadSearch(YamlMappingReader root, ICollection<ScenarioReference> references)
    {
        var r = root.Mapping("search");
        if (r is null)
        {
            return null;
        }

        var hardware = IdList(r, "hardware", CatalogDocumentKind.Hardware, references);
        var nics = IdList(r, "nics", CatalogDocumentKind.Nic, references);
        var defaults = new SearchSettings { Hardware = [], Nics = [] };
        var s = new SearchSettings
        {
            Hardware = hardware ?? [],
            Nics = nics ?? [],
            TargetUserTokensPerSecond = r.DoubleList("targetUserTokensPerSecond", min: 0, exclusiveMin: true) ?? defaults.TargetUserTokensPerSecond,
            Mtp = r.IntList("mtp", min: 0) ?? defaults.Mtp,
            ElementSizes = ElementSizes(r) ?? defaults.ElementSizes,
            Pipelines = r.Values("pipelines", false, false, (n, name) => r.ParseEnum(n, name, ScenarioSpellings.Pipelines)) ?? defaults.Pipelines,
            ExpertParallel = r.IntList("expertParallel", min: 1) ?? defaults.ExpertParallel,
            Context = r.Int("context", min: 1) ?? defaults.Context,
            MaxBatch = r.Int("maxBatch", min: 1) ?? defaults.MaxBatch,
            BatchStep = r.Int("batchStep", min: 1) ?? defaults.BatchStep,
        };
        r.Complete();
        return s;
    }

    private static List<string>? IdList(YamlMappingReader r, string key, CatalogDocumentKind kind, ICollection<ScenarioReference> references)
    {
        var nodes = r.List(key, required: true);
        if (nodes is null)
        {
            return null;
        }

        var ids = new List<string>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var name = $"{r.Qualify(key)}[{i}]";
            if (r.ParseString(nodes[i], name) is { } id)
            {
                ids.Add(id);
                references.Add(new ScenarioReference(kind, id, name, YamlLocations.Of(r.File, nodes[i])));
            }
        }

        return ids;
    }

    private static IReadOnlyList<(int KvBytes, int NonExpertBytes)>? ElementSizes(YamlMappingReader r) =>
        r.Values<(int, int)>("elementSizes", false, false, (node, name) =>
        {
            if (node is YamlSequenceNode pair && pair.Children.Count == 2)
            {
                var kv = r.ParseInt(pair.Children[0], $"{name}[0]", 1, 4);
                var nonExpert = r.ParseInt(pair.Children[1], $"{name}[1]", 1, 4);
                return kv is null || nonExpert is null ? null : (kv.Value, nonExpert.Value);
            }

            r.Report(DiagnosticIds.WrongType, $"'{name}' must be a pair [kvBytes, nonExpertBytes] such as [1, 2], not {DescribeShape(node)}", node);
            return null;
        });

    private static MemorySettings? ReadMemory(YamlMappingReader root, Func<string, SourceLocation, string?>? resolveFile)
    {
        var r = root.Mapping("memory");
        if (r is null)
        {
            return null;
        }

        var engine = r.Choice("engine", MemoryEngines.Spellings);
        var config = r.String("mindieConfig");
        string? resolved = null;
        if (config is not null)
        {
            if (resolveFile is null)
            {
                r.Report(DiagnosticIds.InvalidValue, "'memory.mindieConfig' cannot be used here; paths are resolved only inside a workspace", r.ValueLocationOf("mindieConfig"));
            }
            else
            {
                resolved = resolveFile(config, r.ValueLocationOf("mindieConfig"));
            }
        }

        var npuMemSize = r.Int("npuMemSize", min: -1);
        if (npuMemSize == 0)
        {
            r.Report(DiagnosticIds.InvalidValue, "'memory.npuMemSize' is 0; use -1 (automatic) or a size in GiB of at least 1", r.ValueLocationOf("npuMemSize"));
        }

        var m = new MemorySettings
        {
            Engine = engine ?? MemoryEngines.MindIE,
            MindieConfig = resolved,
            NpuMemSize = npuMemSize,
            MemoryFraction = r.Double("memoryFraction", min: 0, exclusiveMin: true, max: 1),
            CacheBlockSize = r.Int("cacheBlockSize", min: 1),
            MaxSeqLen = r.Int("maxSeqLen", min: 1),
            MaxInputTokenLen = r.Int("maxInputTokenLen", min: 1),
            MaxIterTimes = r.Int("maxIterTimes", min: 1),
            MaxPrefillTokens = r.Int("maxPrefillTokens", min: 1),
            MaxPrefillBatchSize = r.Int("maxPrefillBatchSize", min: 0),
            MaxBatchSize = r.Int("maxBatchSize", min: 1),
            InputTokens = r.Int("inputTokens", min: 1),
            OutputTokens = r.Int("outputTokens", min: 1),
            CommunicationBufferSize = r.Bytes("communicationBufferSize"),
        };
        r.Complete();
        return m;
    }

    private static string DescribeShape(YamlNode node) => node switch
    {
        YamlSequenceNode s => $"a list of {s.Children.Count}",
        YamlMappingNode => "a mapping",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "something else",
    };
}
