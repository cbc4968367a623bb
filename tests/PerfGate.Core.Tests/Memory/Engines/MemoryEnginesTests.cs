using System.Text.Json;
using PerfGate.Diagnostics;
using PerfGate.Memory;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;
using PerfGate.Schemas;
using static PerfGate.Tests.Memory.MemoryFixtures;

namespace PerfGate.Tests.Memory.Engines;

/// <summary>
/// The engine registry is the one list of engines: every convention in Core is registered, spellings are unique, the
/// accepted spellings are the schema's, and no engine's message names another engine.
/// </summary>
public sealed class MemoryEnginesTests
{
    private static IEngineConvention Engine(string id) => MemoryEngines.Find(id)!;

    [Fact]
    public void Every_engine_convention_in_core_is_registered_once()
    {
        var types = typeof(IEngineConvention).Assembly.GetTypes()
            .Where(t => typeof(IEngineConvention).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        Assert.Equal(types, MemoryEngines.All.Select(e => e.GetType()).OrderBy(t => t.Name, StringComparer.Ordinal));
    }

    [Fact]
    public void Ids_and_aliases_are_unique_and_trtllm_is_tensorrt_llm()
    {
        Assert.Equal(["mindie", "vllm", "sglang", "tensorrt-llm"], MemoryEngines.All.Select(e => e.Id));
        var spellings = MemoryEngines.Spellings.Select(s => s.Key).ToList();
        Assert.Equal(spellings.Count, spellings.Distinct(StringComparer.Ordinal).Count());
        Assert.Same(Engine("tensorrt-llm"), Engine("trtllm"));
        Assert.Equal("tensorrt-llm", Engine("trtllm").Id);
        Assert.Null(MemoryEngines.Find("TRTLLM"));
    }

    [Fact]
    public void The_scenario_schema_accepts_exactly_the_registered_spellings()
    {
        using var schema = JsonDocument.Parse(JsonSchemas.Read("scenario.schema.json"));
        var listed = Find(schema.RootElement, "engine")!.Value.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(MemoryEngines.Spellings.Select(s => s.Key), listed);
    }

    [Fact]
    public void Defaults_are_each_engines_own()
    {
        // memory-budgets.md: MindIE 0.8 / 128, vLLM 0.9 / 16 (128 on vllm-ascend), SGLang 0.88 / 1, TRT-LLM 0.9 / 32.
        Assert.Equal([0.8, 0.9, 0.88, 0.9], MemoryEngines.All.Select(e => e.DefaultMemoryFraction));
        Assert.Equal([128, 16, 1, 32], MemoryEngines.All.Select(e => e.DefaultBlockSize(ascend: false)));
        Assert.Equal([128, 128, 1, 32], MemoryEngines.All.Select(e => e.DefaultBlockSize(ascend: true)));
        Assert.Equal([2, 1, 0, 0], MemoryEngines.All.Select(e => e.ReservedBlocks(dp: 2)));
    }

    [Fact]
    public void A_vllm_layout_error_names_vllm_not_mindie()
    {
        // 2 x 2 = 4 ranks on 8 GPUs.
        var b = MemoryBudgetCalculator.Compute(Request(Engine("vllm")) with { Parallelism = new MemoryParallelism(8, 2, Dp: 2) });
        var error = Assert.Single(b.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("tp 2 x dp 2 = 4 does not equal worldSize 8; vLLM runs one rank per GPU, so it needs tp x dp = worldSize", error.Message);
    }

    [Fact]
    public void A_mindie_layout_error_keeps_its_wording()
    {
        var b = MemoryBudgetCalculator.Compute(Request(MemoryEngines.MindIE) with { Parallelism = new MemoryParallelism(8, 2, Dp: 2) });
        var error = Assert.Single(b.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("tp 2 x dp 2 = 4 does not equal worldSize 8; MindIE requires tp x dp = worldSize", error.Message);
    }

    public static TheoryData<string> Ids => [.. MemoryEngines.All.Select(e => e.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void No_message_names_another_engine(string id)
    {
        var engine = Engine(id);
        var others = MemoryEngines.All.Where(e => e != engine).SelectMany(e => new[] { e.Name, e.MemoryFractionName }).Where(n => n != engine.MemoryFractionName).ToList();
        var messages = BadRequests(engine).SelectMany(r => MemoryBudgetCalculator.Compute(r).Diagnostics).Select(d => d.Message).ToList();
        Assert.True(messages.Count >= 6, string.Join("\n", messages));
        Assert.Contains(messages, m => m.Contains(engine.HeadroomHint, StringComparison.Ordinal) || m.Contains(engine.LowerKvHint(MemoryBudgetCalculator.Compute(Request(engine))), StringComparison.Ordinal));
        foreach (var message in messages)
        {
            Assert.DoesNotContain(others, o => message.Contains(o, StringComparison.Ordinal));
        }
    }

    private static MemoryRequest Request(IEngineConvention engine) => new()
    {
        Model = Llama3_8B,
        Hardware = H100,
        Parallelism = MemoryParallelism.TensorParallel(1),
        Engine = engine,
    };

    /// <summary>Requests that fail each check and finding: layout, block size, prefill tokens, no fit, too few blocks, over capacity, thin headroom, preemption.</summary>
    private static IEnumerable<MemoryRequest> BadRequests(IEngineConvention engine)
    {
        var ok = Request(engine);
        yield return ok with { Parallelism = new MemoryParallelism(8, 2, Dp: 2) };
        yield return ok with { Model = DeepSeekV3, Parallelism = new MemoryParallelism(8, 8, MoeEp: 4) };
        yield return ok with { CacheBlockSize = 0 };
        yield return ok with { CacheBlockSize = 200 };
        yield return ok with { MaxPrefillTokens = 1024, MaxInputTokenLen = 2048 };
        yield return ok with { Model = DeepSeekV3 };
        yield return ok with { MemoryFraction = 0.2, MaxSeqLen = 1_000_000, MaxInputTokenLen = 2048, MaxIterTimes = 1000 };
        yield return ok with { MemoryFraction = 1.0 };
        yield return ok with { MemoryFraction = 0.99 };
        yield return ok with { MaxBatchSize = 819_200 };
        yield return ok with { NpuMemSize = 70, MemoryFraction = 0.5 };
        yield return ok with { Hardware = Ascend910B3, Model = QwQ32B, Parallelism = MemoryParallelism.TensorParallel(4), CommunicationBufferSize = new Bytes(200 * Bytes.MiB) };
    }

    private static JsonElement? Find(JsonElement e, string name)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in e.EnumerateObject())
            {
                if (p.Name == name && p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("enum", out _))
                {
                    return p.Value;
                }

                if (Find(p.Value, name) is { } found)
                {
                    return found;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                if (Find(item, name) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
