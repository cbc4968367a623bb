using PerfGate.Catalog;
using PerfGate.Prefill;
using PerfGate.Scenarios;
using PerfGate.Yaml;

namespace PerfGate.Workspace;

public static partial class ScenarioDocumentReader
{
    private static PrefillSettings? ReadPrefill(YamlMappingReader root, ICollection<ScenarioReference> references)
    {
        var r = root.Mapping("prefill");
        if (r is null)
        {
            return null;
        }

        // Ranges the estimator checks again (with the model's context window) are left to it, so every bad value is
        // reported once, at its key, with the estimator's wording.
        var defaults = new PrefillSettings();
        var tier = r.String("prefixTier");
        if (tier is not null)
        {
            references.Add(new ScenarioReference(CatalogDocumentKind.Storage, tier, r.Qualify("prefixTier"), r.ValueLocationOf("prefixTier")));
        }

        var s = new PrefillSettings
        {
            Prompts = r.IntList("prompts", required: true) ?? defaults.Prompts,
            Concurrency = r.IntList("concurrency") ?? defaults.Concurrency,
            Chunk = r.Int("chunk"),
            TokenBudget = r.Int("tokenBudget") ?? defaults.TokenBudget,
            PrefixHit = r.Double("prefixHit") ?? defaults.PrefixHit,
            PrefixTier = tier,
            Overlap = r.Enum("overlap", PrefillSpellings.Overlaps) ?? defaults.Overlap,
            OutputTokens = r.Int("outputTokens") ?? defaults.OutputTokens,
            Efficiency = r.Enum("efficiency", ScenarioSpellings.Efficiencies),
        };
        r.Complete();
        return s;
    }
}
