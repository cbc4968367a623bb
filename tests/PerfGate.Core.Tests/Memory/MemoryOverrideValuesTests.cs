using PerfGate.Diagnostics;
using PerfGate.Memory;
using PerfGate.Quantities;

namespace PerfGate.Tests.Memory;

/// <summary>The values a memory question takes from a command line or the environment, without a console or a process.</summary>
public sealed class MemoryOverrideValuesTests
{
    [Fact]
    public void The_option_wins_over_the_engine_variable_and_a_bad_value_names_its_source()
    {
        var diagnostics = new List<Diagnostic>();
        string? Env(string name) => name == "NPU_MEMORY_FRACTION" ? "0.85" : null;

        Assert.Equal(0.7, MemoryOverrideValues.Fraction(Env, "0.7", "NPU_MEMORY_FRACTION", diagnostics));
        Assert.Equal(0.85, MemoryOverrideValues.Fraction(Env, null, "NPU_MEMORY_FRACTION", diagnostics));
        Assert.Null(MemoryOverrideValues.Fraction(Env, null, null, diagnostics));
        Assert.Empty(diagnostics);

        Assert.Null(MemoryOverrideValues.Fraction(_ => "0,8", null, "NPU_MEMORY_FRACTION", diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.EngineParameterOutOfRange, d.Id);
        Assert.StartsWith("NPU_MEMORY_FRACTION '0,8' must be a number in (0, 1]", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_buffer_variable_is_whole_mebibytes_and_sizes_take_units()
    {
        var diagnostics = new List<Diagnostic>();

        // HCCL_BUFFSIZE=200 is 200 MiB = 209,715,200 bytes.
        Assert.Equal(new Bytes(209_715_200), MemoryOverrideValues.BufferFromEnvironment(_ => "200", "HCCL_BUFFSIZE", diagnostics));
        Assert.Equal(new Bytes(3 * Bytes.GiB), MemoryOverrideValues.Bytes("3 GiB", "--system-reserved", diagnostics));
        Assert.Empty(diagnostics);

        Assert.Null(MemoryOverrideValues.BufferFromEnvironment(_ => "0", "HCCL_BUFFSIZE", diagnostics));
        Assert.Null(MemoryOverrideValues.Bytes("3 parsecs", "--system-reserved", diagnostics));
        Assert.Equal([DiagnosticIds.InvalidSetting, DiagnosticIds.BadUnit], diagnostics.Select(x => x.Id));
    }
}
