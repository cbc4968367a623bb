using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PerfGate.Estimation.Calibration;

namespace PerfGate.Tests.Estimation;

/// <summary>
/// The collector users run on their GPU (src/PerfGate.Calibration/collect.py) writes exactly what the loader reads:
/// its column lists start with the loader's columns in order, its bandwidth ops are the loader's, and its
/// all-reduce rows use the loader's prefix. (The collector itself needs a GPU; it was not run in CI.)
/// </summary>
public sealed partial class CollectorSchemaTests
{
    private static string Collector([CallerFilePath] string file = "") =>
        File.ReadAllText(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "..", "src", "PerfGate.Calibration", "collect.py")));

    private static string[] List(string name)
    {
        var m = Regex.Match(Collector(), "^" + name + @" = \[([^\]]*)\]", RegexOptions.Multiline);
        Assert.True(m.Success, $"collect.py has no list {name}");
        return StringItem().Matches(m.Groups[1].Value).Select(x => x.Groups[1].Value).ToArray();
    }

    [Fact]
    public void Every_table_the_loader_reads_starts_with_the_loaders_columns()
    {
        Assert.Equal(CalibrationLoader.GemmColumns, List("GEMM_COLUMNS").Take(CalibrationLoader.GemmColumns.Count));
        var attention = List("ATTENTION_COLUMNS");
        Assert.All(CalibrationLoader.AttentionColumns, c => Assert.Contains(c, attention));
        Assert.Equal(CalibrationLoader.BandwidthColumns, List("BANDWIDTH_COLUMNS").Take(CalibrationLoader.BandwidthColumns.Count));
    }

    [Fact]
    public void Every_registered_calibration_file_has_a_collector_list_holding_its_columns_in_order()
    {
        foreach (var file in CalibrationFiles.All)
        {
            var written = List(file.CollectorColumns);
            var positions = file.Columns.Select(c => Array.IndexOf(written, c)).ToArray();
            Assert.All(positions, p => Assert.True(p >= 0, $"{file.CollectorColumns} lacks a column {file.Name} needs"));
            Assert.Equal(positions.Order(), positions);
            Assert.Contains($"\"{file.Name}\"", Collector(), StringComparison.Ordinal);
        }

        // Issue 10's prefill-attention table, as the collector writes it.
        Assert.Equal(["dtype", "q_heads", "kv_heads", "head_dim", "seq", "time_us", "tflops"], List("ATTENTION_PREFILL_COLUMNS"));
    }

    [Fact]
    public void Bandwidth_ops_and_the_all_reduce_prefix_are_the_loaders()
    {
        Assert.Equal(CalibrationLoader.BandwidthOps, List("BANDWIDTH_OPS"));
        Assert.Contains(BandwidthTable.KernelChainOp, List("BANDWIDTH_OPS"));
        Assert.Matches("^ALL_REDUCE_PREFIX = \"" + BandwidthTable.AllReducePrefix + "\"$", Collector().Split('\n').Single(l => l.StartsWith("ALL_REDUCE_PREFIX", StringComparison.Ordinal)));
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex StringItem();
}
