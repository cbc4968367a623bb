namespace PerfGate.Tests.Commands;

/// <summary>A workspace hardware document written when 'sram' was a field still validates: a located PG2023 warning, exit 0.</summary>
public sealed class RetiredHardwareFieldTests
{
    [Fact]
    public void Validate_warns_at_the_retired_key_and_passes()
    {
        using var dir = new TempDirectory();
        dir.Write("perfgate.yaml", "catalog: [catalog]\nscenarios: []\n");
        dir.Write("catalog/gpu.yaml", """
            kind: hardware
            id: my-gpu
            name: My GPU
            vendor: Acme
            memory: 24 GiB
            memoryBandwidth: 1 TB/s
            bf16: 100 TFLOPS
            sram: 20 MiB
            systemReservedMemory: 0 MiB
            efficiency: roofline
            kernelLaunchOverhead: 2 us
            source: https://example.com/datasheet

            """);

        var (code, output, error) = AppHarness.RunIn(dir.Path, "validate");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("catalog/gpu.yaml(8,1): warning PG2023: hardware field 'sram' is not used by any estimate and is ignored; delete the line\n", output, StringComparison.Ordinal);
        Assert.EndsWith("; 0 errors, 1 warning\n", output, StringComparison.Ordinal);
    }
}
