using System.Text.Json;

namespace PerfGate.Tests.Commands;

public sealed class CatalogCommandTests
{
    private static (int Code, string Out, string Error) Run(params string[] args) =>
        AppHarness.RunIn(Path.GetTempPath(), args);

    [Fact]
    public void List_prints_ascii_tables_of_every_kind_when_not_on_a_terminal()
    {
        var (code, output, _) = Run("catalog", "list");
        Assert.Equal(0, code);
        Assert.Contains("| h100-sxm     | NVIDIA H100 SXM5 80GB     | 79.65 GiB  | 3.35 TB/s  | 989 TFLOPS    | 1979 TFLOPS   | nvlink 450 GB/s          |", output, StringComparison.Ordinal);
        Assert.Contains("| mi300x       | AMD Instinct MI300X 192GB | 192 GiB    | 5.3 TB/s   | 1307.4 TFLOPS | 2614.9 TFLOPS | infinity-fabric 448 GB/s |", output, StringComparison.Ordinal);
        Assert.Contains("| cx7-400g  | NVIDIA ConnectX-7 400Gb/s | 400 Gb/s  | 40 GiB/s  |", output, StringComparison.Ordinal);
        Assert.Contains("| deepseek-v3     | DeepSeek-V3         | deepseek-v3 | 61     | 671,026,419,200 | 37,552,297,472  |", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n'), line => Assert.True(line.Length <= 160, line));
    }

    [Fact]
    public void Tables_fit_COLUMNS_by_wrapping_cells_and_never_break_an_id()
    {
        var (code, output, _) = AppHarness.Run(Path.GetTempPath(), new Dictionary<string, string> { ["COLUMNS"] = "80" }, "catalog", "list");
        Assert.Equal(0, code);
        Assert.All(output.Split('\n'), line => Assert.True(line.Length <= 80, line));
        Assert.Contains("| qwen3-235b-a22b |", output, StringComparison.Ordinal);
        Assert.Contains("| ascend-910b3 |", output, StringComparison.Ordinal);
    }

    [Fact]
    public void List_json_holds_every_document()
    {
        var (code, output, _) = Run("catalog", "list", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(PerfGate.Catalog.BuiltInCatalog.Load().Hardware.Count, json.RootElement.GetProperty("hardware").GetArrayLength());
        Assert.Equal(2, json.RootElement.GetProperty("nics").GetArrayLength());
        var models = json.RootElement.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("parameters").GetInt64());
        Assert.Equal(8_030_261_248, models["llama-3-8b"]);
        Assert.Equal(70_553_706_496, models["llama-3-70b"]);
    }

    [Fact]
    public void Show_model_json_has_the_exact_parameters_and_breakdown_in_a_stable_order()
    {
        var (code, output, _) = Run("catalog", "show", "deepseek-v3", "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(671_026_419_200, root.GetProperty("parameters").GetInt64());
        Assert.Equal(37_552_297_472, root.GetProperty("activatedParameters").GetInt64());
        var breakdown = root.GetProperty("parameterBreakdown");
        Assert.Equal(58L * 256 * 44_040_192, breakdown.GetProperty("routedExperts").GetInt64());
        Assert.Equal(187_107_328, breakdown.GetProperty("perLayer").GetProperty("attention").GetInt64());
        Assert.Equal(["kind", "id", "name", "family", "parameters", "activatedParameters"], root.EnumerateObject().Take(6).Select(p => p.Name));
        Assert.EndsWith("}\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_hardware_lists_each_figure_with_its_source()
    {
        var (code, output, _) = Run("catalog", "show", "ascend-910b3");
        Assert.Equal(0, code);
        Assert.Contains("| memory", output, StringComparison.Ordinal);
        Assert.Contains("64 GiB", output, StringComparison.Ordinal);
        Assert.Contains("MindIE tuning notes", output, StringComparison.Ordinal);
        Assert.DoesNotContain("seed 00", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_hardware_json_uses_base_units()
    {
        var (_, output, _) = Run("catalog", "show", "h100-sxm", "--json");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(81559L * 1024 * 1024, json.RootElement.GetProperty("memoryBytes").GetInt64());
        Assert.Equal(3.35e12, json.RootElement.GetProperty("memoryBandwidthBytesPerSecond").GetDouble());
        Assert.Equal("embedded:h100-sxm", json.RootElement.GetProperty("calibration").GetString());
    }

    [Fact]
    public void Show_unknown_id_suggests_and_exits_2()
    {
        var (code, _, error) = Run("catalog", "show", "h100");
        Assert.Equal(2, code);
        Assert.StartsWith("perfgate: error PG2008: no hardware, NIC or model has id 'h100' (did you mean 'h100-sxm'?)", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workspace_adds_its_own_documents()
    {
        using var dir = new TempDirectory();
        dir.Write("perfgate.yaml", "catalog: [catalog]\n");
        dir.Write("catalog/gpu.yaml", "kind: hardware\nid: my-gpu\nname: Mine\nvendor: Acme\nmemory: 24 GiB\nmemoryBandwidth: 1 TB/s\nbf16: 100 TFLOPS\nsource: test\n");
        var (code, output, _) = AppHarness.RunIn(dir.Path, "catalog", "list");
        Assert.Equal(0, code);
        Assert.Contains("| my-gpu ", output, StringComparison.Ordinal);
    }
}
