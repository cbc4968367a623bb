using System.Globalization;
using System.Runtime.CompilerServices;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;
using PerfGate.Estimation.Implementations;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using Xunit.Abstractions;

namespace PerfGate.Tests.Estimation;

/// <summary>
/// The Estimation README's headline table ("Against published figures") is recomputed here row by row: each row's
/// estimate, published figure and error must appear in the README exactly as this test formats them, so a change
/// that moves a figure fails until the README says the new one.
/// </summary>
public sealed class ReadmeFiguresTests(ITestOutputHelper output)
{
    private static string Readme([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "src", "PerfGate.Core", "Estimation", "README.md"));

    /// <summary>One headline row: what is estimated, the figure it is compared with (null: none published), its unit.</summary>
    internal sealed record Figure(string Label, DecodeRequest Request, double? Published, string Unit, bool PerCard = false)
    {
        public double Value(DecodeEstimate e) => PerCard ? e.ThroughputPerCard : e.StepTime.Milliseconds;

        public string Row(DecodeEstimate e)
        {
            var value = Value(e);
            var format = PerCard ? "N0" : "F2";
            var published = Published is { } p ? p.ToString(format, CultureInfo.InvariantCulture) + " " + Unit : "—";
            var error = Published is { } q ? (((value / q) - 1) * 100).ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + " %" : "—";
            return $"| {Label} | {value.ToString(format, CultureInfo.InvariantCulture)} {Unit} | {published} | {error} |";
        }
    }

    internal static IReadOnlyList<Figure> Figures()
    {
        var catalog = BuiltInCatalog.Load();
        DecodeRequest Request(string model, string hardware, int tp, int batch, int context, ImplementationProfile implementation)
        {
            var hw = catalog.Hardware[hardware];
            var from = hw.CalibrationTransfer is { } t ? catalog.Hardware[t.From] : null;
            var tables = (from ?? hw).CalibrationTables is { } reference ? CalibrationLoader.Load(reference, ".", new List<Diagnostic>()) : null;
            return new DecodeRequest
            {
                Model = catalog.Models[model],
                Hardware = hw,
                Parallelism = new Parallelism(tp),
                Batch = batch,
                Context = context,
                Efficiency = hw.Efficiency,
                Calibration = tables,
                CalibrationFrom = tables is null ? null : from,
                Implementation = implementation,
            };
        }

        var torch = ImplementationProfiles.PyTorch;
        var vllm = ImplementationProfiles.Vllm;
        var deepseek = Request("deepseek-v3", "h800", 1, 128, 4989, torch) with
        {
            Nic = catalog.Nics["cx7-400g"],
            Parallelism = new Parallelism(1, 144, 144),
            Dtypes = new DtypeSettings(DataType.Fp8, DataType.Bf16, DataType.Bf16, DataType.Bf16),
            Mtp = 1,
            Pipeline = PipelineKind.DualMicroBatch,
        };
        return
        [
            new("Llama-3-8B, 1 x H100, pytorch, batch 1, context 512: step", Request("llama-3-8b", "h100-sxm", 1, 1, 512, torch), null, "ms"),
            new("QwQ-32B, 1 x H100, pytorch, batch 1, context 512: step", Request("qwq-32b", "h100-sxm", 1, 1, 512, torch), null, "ms"),
            new("Llama-3-8B, 1 x H200 (H100 tables, spec ratio), pytorch, batch 1, context 512: step", Request("llama-3-8b", "h200", 1, 1, 512, torch), null, "ms"),
            new("QwQ-32B, 1 x H200 (H100 tables, spec ratio), pytorch, batch 1, context 512: step", Request("qwq-32b", "h200", 1, 1, 512, torch), null, "ms"),
            new("Qwen2-72B, TP4 A100, vllm, synchronous ITL (seed 001)", Request("qwen2-72b", "a100-80g", 4, 1, 576, vllm), 30.10, "ms"),
            new("Qwen2-72B, TP8 A100, vllm, synchronous ITL (seed 001)", Request("qwen2-72b", "a100-80g", 8, 1, 576, vllm), 18.83, "ms"),
            new("Qwen2-72B, TP4 L20, vllm, synchronous ITL (seed 001)", Request("qwen2-72b", "l20", 4, 1, 576, vllm), 49.39, "ms"),
            new("Qwen2-72B, TP8 L20, vllm, synchronous ITL (seed 001)", Request("qwen2-72b", "l20", 8, 1, 576, vllm), 29.53, "ms"),
            new("Qwen2-57B-A14B, TP2 A100, vllm, synchronous ITL (seed 001)", Request("qwen2-57b-a14b", "a100-80g", 2, 1, 576, vllm), 13.15, "ms"),
            new("Qwen2-57B-A14B, TP4 A100, vllm, synchronous ITL (seed 001)", Request("qwen2-57b-a14b", "a100-80g", 4, 1, 576, vllm), 9.16, "ms"),
            new("Qwen2-57B-A14B, TP4 L20, vllm, synchronous ITL (seed 001)", Request("qwen2-57b-a14b", "l20", 4, 1, 576, vllm), 12.51, "ms"),
            new("QwQ-32B, 4 x 910B3, mindie, batch 10, context 285: DecodeTime (seed 003)", Request("qwq-32b", "ascend-910b3", 4, 10, 285, ImplementationProfiles.MindIe), 27.0037, "ms"),
            new("DeepSeek-V3, H800 EP144 dual micro-batch, MTP 1, batch 128, KV 4,989: output per card (DeepSeek fleet)", deepseek, 1850, "tok/s", PerCard: true),
        ];
    }

    [Fact]
    public void Every_headline_row_of_the_readme_is_what_the_estimator_computes()
    {
        var readme = File.ReadAllText(Readme()).ReplaceLineEndings("\n");
        var missing = new List<string>();
        foreach (var f in Figures())
        {
            var row = f.Row(EstimateAssert.Ok(f.Request));
            output.WriteLine(row);
            if (!readme.Contains(row + "\n", StringComparison.Ordinal))
            {
                missing.Add(row);
            }
        }

        Assert.True(missing.Count == 0, "the Estimation README lacks the row(s)\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_seed_001_scenarios_run_under_the_vllm_profile_their_engine_names()
    {
        // The synchronous rows above use the vllm profile because seed 001 served them with vLLM: the repository's
        // scenarios for those systems say engine vllm, and the profile follows the engine.
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Readme())!, "..", "..", ".."));
        var loaded = PerfGate.Workspace.WorkspaceLoader.Load(PerfGate.IO.PhysicalFileSystem.Instance, root);
        Assert.NotNull(loaded.Workspace);
        var seed001 = loaded.Workspace.Scenarios.Where(s => s.Id.StartsWith("qwen2-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(6, seed001.Length);
        Assert.All(seed001, s => Assert.Same(ImplementationProfiles.Vllm, DecodeRequest.ImplementationFor(s)));
        Assert.All(
            loaded.Workspace.Scenarios.Where(s => s.Id.StartsWith("qwq-32b-910b3", StringComparison.Ordinal)),
            s => Assert.Same(ImplementationProfiles.MindIe, DecodeRequest.ImplementationFor(s)));
    }
}
