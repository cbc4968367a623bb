using PerfGate.Diagnostics;
using PerfGate.Quantities;
using PerfGate.Workspace;
using PerfGate.Yaml;

namespace PerfGate.Catalog;

/// <summary>Reads a <c>kind: hardware</c> document into a <see cref="HardwareSpec"/>.</summary>
internal static class HardwareDocumentReader
{
    /// <summary>Prefix of calibration names that refer to tables shipped inside PerfGate.</summary>

    private static readonly HashSet<string> NonFigures = new(StringComparer.Ordinal)
    {
        "kind", "id", "name", "vendor", "description", "source", "sources", "efficiency", "calibration",
    };

    internal static readonly KeyValuePair<string, LinkKind>[] Links =
    [
        new("nvlink", LinkKind.NvLink), new("hccs", LinkKind.Hccs), new("pcie", LinkKind.Pcie),
        new("infinity-fabric", LinkKind.InfinityFabric),
    ];

    // 'efficiency' takes the same spellings as the scenario/CLI override: ScenarioSpellings.Efficiencies.
    public static HardwareSpec? Read(YamlMappingReader r, string id, string? baseDirectory)
    {
        var errors = r.Diagnostics.Count(d => d.Severity == Severity.Error);
        var name = r.String("name", required: true);
        var vendor = r.String("vendor", required: true);
        r.String("description");
        var memory = r.Bytes("memory", required: true);
        var marketed = r.Bytes("marketedMemory");
        var bandwidth = r.Rate("memoryBandwidth", required: true);
        var bf16 = r.Flops("bf16", required: true);
        var fp16 = r.Flops("fp16");
        var fp8 = r.Flops("fp8");
        var int8 = r.Flops("int8");
        var exp2 = r.Flops("exp2");
        var reduce = r.Flops("reduce");
        var link = r.Enum("intraNodeLink", Links);
        var linkBandwidth = r.Rate("intraNodeBandwidth");
        var twoStage = r.Bool("twoStageFa3");
        var threeStage = r.Bool("threeStageFa3");
        var reserved = r.Bytes("systemReservedMemory", allowZero: true);
        var launch = r.Duration("kernelLaunchOverhead", allowZero: true);
        var efficiency = r.Enum("efficiency", ScenarioSpellings.Efficiencies);
        var transfer = r.ValueNode("calibration") is YamlDotNet.RepresentationModel.YamlMappingNode ? ReadTransfer(r) : null;
        var calibration = transfer is null ? r.String("calibration") : null;
        WarnRetired(r);
        var sources = SourcesReader.Read(r, NonFigures, []);
        r.Declare("kind", "id");

        if (efficiency == EfficiencySource.Measured && calibration is null && transfer is null && r.Has("efficiency"))
        {
            r.Report(DiagnosticIds.InvalidValue, "'efficiency' is 'measured' but there is no 'calibration:' folder of measured tables (gemm.csv, attention_decode.csv, bandwidth.csv); add one or use 'published' or 'roofline'", r.ValueLocationOf("efficiency"));
        }

        if (twoStage == true && threeStage == true)
        {
            r.Report(DiagnosticIds.InvalidValue, "'twoStageFa3' and 'threeStageFa3' are both true; a chip overlaps in two stages or in three, set at most one", r.LocationOf("threeStageFa3"));
        }

        if (memory is { } m && reserved is { } res && res >= m)
        {
            r.Report(DiagnosticIds.InvalidValue, $"'systemReservedMemory' ({res}) is not less than 'memory' ({m})", r.ValueLocationOf("systemReservedMemory"));
        }

        if (calibration is not null && calibration.Length == 0)
        {
            r.Report(DiagnosticIds.InvalidValue, $"'calibration' is blank; give a folder relative to this file, or '{Estimation.Calibration.CalibrationReference.EmbeddedPattern}'", r.ValueLocationOf("calibration"));
        }

        r.Complete();
        if (r.Diagnostics.Count(d => d.Severity == Severity.Error) > errors || name is null || vendor is null || memory is null || bandwidth is null || bf16 is null)
        {
            return null;
        }

        return new HardwareSpec
        {
            Id = id,
            Name = name,
            Vendor = vendor,
            Memory = memory.Value,
            MarketedMemory = marketed,
            MemoryBandwidth = bandwidth.Value,
            Bf16 = bf16.Value,
            Fp16 = fp16,
            Fp8 = fp8,
            Int8 = int8,
            Exp2 = exp2,
            Reduce = reduce,
            IntraNodeLink = link,
            IntraNodeBandwidth = linkBandwidth,
            TwoStageFa3 = twoStage ?? false,
            ThreeStageFa3 = threeStage ?? false,
            SystemReservedMemory = reserved ?? Bytes.Zero,
            KernelLaunchOverhead = launch ?? Duration.Zero,
            Efficiency = efficiency ?? EfficiencySource.Seed,
            CalibrationTables = ResolveCalibration(calibration, baseDirectory),
            CalibrationTransfer = transfer,
            Sources = sources,
            Defaulted = [.. HardwareSpec.DefaultedFields.Select(f => f.Key).Where(k => !r.Has(k))],
            Location = r.Location,
        };
    }

    /// <summary>
    /// Fields seed 002 defines but no estimate reads (<c>sram_sz</c>, <c>fp8_low_acc_precision</c>,
    /// <c>thread_all_reduce_latency</c>): a document that still has one loads, with warning PG2023 at the key, and the
    /// value is ignored. Such a key stays a figure for <c>sources:</c>, so a document valid before stays valid; the schema
    /// and the valid keys of a document without them no longer name them.
    /// </summary>
    internal static readonly string[] Retired = ["sram", "fp8LowAccumulationPrecision", "threadAllReduceLatency"];

    private static void WarnRetired(YamlMappingReader r)
    {
        var written = r.WrittenKeys.ToHashSet(StringComparer.Ordinal);
        var sourced = r.Node.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode("sources"), out var node) && node is YamlDotNet.RepresentationModel.YamlMappingNode sources
            ? sources.Children.Keys.OfType<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(k => k.Value).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var key in Retired.Where(written.Contains))
        {
            r.Declare(key);
            var also = sourced.Contains(key) ? $" and its 'sources.{key}' entry" : string.Empty;
            r.Diagnostics.Add(Diagnostic.Warning(
                DiagnosticIds.RetiredField,
                $"hardware field '{key}' is not used by any estimate and is ignored; delete the line{also}",
                r.LocationOf(key)));
        }
    }

    private static readonly KeyValuePair<string, TransferRule>[] Rules = [new("spec-ratio", TransferRule.SpecRatio)];

    /// <summary><c>calibration: {from: ID, transfer: spec-ratio}</c>: borrow a sibling's tables.</summary>
    private static CalibrationTransfer? ReadTransfer(YamlMappingReader root)
    {
        var r = root.Mapping("calibration");
        if (r is null)
        {
            return null;
        }

        var from = r.String("from", required: true);
        var rule = r.Enum("transfer", Rules, required: true);
        r.Complete();
        return from is null || rule is null ? null : new CalibrationTransfer(from, rule.Value);
    }

    /// <summary>Embedded tables (CalibrationReference.EmbeddedPattern) stay as written; a folder is resolved against the document's folder.</summary>
    private static string? ResolveCalibration(string? calibration, string? baseDirectory)
    {
        if (string.IsNullOrEmpty(calibration) || Estimation.Calibration.CalibrationReference.IsEmbedded(calibration) || baseDirectory is null)
        {
            return calibration;
        }

        return Path.GetFullPath(Path.Combine(baseDirectory, calibration));
    }
}
