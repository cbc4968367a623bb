using System.Runtime.CompilerServices;
using System.Text.Json;
using PerfGate.Estimation.Implementations;

namespace PerfGate.Tests.Commands;

/// <summary><c>perfgate estimate --implementation ID</c>: the values are the implementation registry's.</summary>
public sealed class EstimateImplementationTests
{
    private static string Repository([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    private static (double StepMs, string Implementation, int SmallKernelsPerLayer) Run(params string[] implementation)
    {
        var (code, output, error) = AppHarness.Run(["estimate", "--model", "qwq-32b", "--hardware", "h100-sxm", "--batch", "1", "--context", "512", "--json", .. implementation]);
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var small = doc.RootElement.GetProperty("decode").GetProperty("breakdown").EnumerateArray()
            .Count(b => b.GetProperty("kind").GetString() == "elementwise" && b.GetProperty("scope").GetString() == "dense-layer");
        return (doc.RootElement.GetProperty("decode").GetProperty("stepMs").GetDouble(), doc.RootElement.GetProperty("implementation").GetString()!, small);
    }

    [Fact]
    public void The_json_states_the_implementation_and_its_kernel_count_moves_the_step()
    {
        var torch = Run();
        Assert.Equal(("pytorch", 11), (torch.Implementation, torch.SmallKernelsPerLayer));
        var vllm = Run("--implementation", "vllm");
        // vLLM: fused add + RMSNorm twice, one rotary, one cache write, SiLU-and-mul, bias in the GEMM: 5 small kernels,
        // 6 fewer per layer, each the fixed part 3.6253 us plus a few KB: 64 x 6 x ~3.63 us = ~1.39 ms less.
        Assert.Equal(("vllm", 5), (vllm.Implementation, vllm.SmallKernelsPerLayer));
        Assert.InRange(torch.StepMs - vllm.StepMs, 64 * 6 * 3.6253e-3, 64 * 6 * 3.7e-3);
        Assert.Equal("tensorrt-llm", Run("--implementation", "trtllm").Implementation);
    }

    [Fact]
    public void A_bad_value_exits_2_naming_the_nearest_and_every_registered_id()
    {
        var (code, output, error) = AppHarness.Run("estimate", "--model", "qwq-32b", "--hardware", "h100-sxm", "--implementation", "vlm");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal(
            $"perfgate: error PG2014: --implementation: 'vlm' is not valid (did you mean 'vllm'?); use one of {string.Join(", ", ImplementationProfiles.All.Select(p => p.Id))}\n",
            error);
    }

    [Fact]
    public void Help_and_the_readmes_list_the_registry()
    {
        var ids = ImplementationProfiles.All.Select(p => p.Id).ToArray();
        var (_, help, _) = AppHarness.Run("estimate", "--help");
        Assert.Contains(string.Join(", ", ids), help, StringComparison.Ordinal);
        var usage = "[--implementation " + string.Join("|", ids) + "]";
        Assert.Contains(usage.Replace("|", "\\|", StringComparison.Ordinal), File.ReadAllText(Path.Combine(Repository(), "README.md")), StringComparison.Ordinal);
        Assert.Contains(usage, File.ReadAllText(Path.Combine(Repository(), "src", "PerfGate.Core", "Estimation", "README.md")).ReplaceLineEndings(" "), StringComparison.Ordinal);
    }
}
