using PerfGate.Catalog;
using PerfGate.Quantities;

namespace PerfGate.Tests.Estimation;

/// <summary>
/// Seed 002's hardware table as its text states it: H800 and H20 are Hopper (two-stage FA3), A100 and L20
/// neither; fp8 on A100 is its int8 rate; NICs CX7 40 GiB/s and E810 10 GiB/s. The post does not print its
/// numbers, so the figures are the spec sheets' (research/estimators.md 3.4, L20 unofficial); exp2/reduce
/// are the SM counts x boost clock x 16 (SFU ex2) and x 32 (shuffle) per SM per clock from the CUDA guide.
/// Matrix throughputs are in binary tera (x 1024^4), as the seed's tables show it used them: the routed-expert
/// time per row it implies is 1/1.0995 of DeepGEMM's factor x 1979e12 at two independent points (README).
/// </summary>
internal static class SeedFixtures
{
    private static FlopsPerSecond Tera(double t) => new(t * 1024 * 1024 * 1024 * 1024.0);

    public static HardwareSpec H800 { get; } = new()
    {
        Id = "h800",
        Name = "H800",
        Vendor = "nvidia",
        Memory = Bytes.FromGB(80),
        MemoryBandwidth = BytesPerSecond.FromTBps(3.35),
        Bf16 = Tera(989),
        Fp8 = Tera(1979),
        Exp2 = FlopsPerSecond.FromTflops(132 * 1.98e9 * 16 / 1e12),
        Reduce = FlopsPerSecond.FromTflops(132 * 1.98e9 * 32 / 1e12),
        TwoStageFa3 = true,
    };

    public static HardwareSpec H20 { get; } = new()
    {
        Id = "h20",
        Name = "H20",
        Vendor = "nvidia",
        Memory = Bytes.FromGB(96),
        MemoryBandwidth = BytesPerSecond.FromTBps(4.0),
        Bf16 = Tera(148),
        Fp8 = Tera(296),
        Exp2 = FlopsPerSecond.FromTflops(78 * 1.98e9 * 16 / 1e12),
        Reduce = FlopsPerSecond.FromTflops(78 * 1.98e9 * 32 / 1e12),
        TwoStageFa3 = true,
    };

    public static HardwareSpec A100 { get; } = new()
    {
        Id = "a100",
        Name = "A100",
        Vendor = "nvidia",
        Memory = Bytes.FromGB(80),
        MemoryBandwidth = BytesPerSecond.FromTBps(2.039),
        Bf16 = Tera(312),
        Int8 = Tera(624),
        Exp2 = FlopsPerSecond.FromTflops(108 * 1.41e9 * 16 / 1e12),
        Reduce = FlopsPerSecond.FromTflops(108 * 1.41e9 * 32 / 1e12),
    };

    public static HardwareSpec L20 { get; } = new()
    {
        Id = "l20",
        Name = "L20",
        Vendor = "nvidia",
        Memory = Bytes.FromGB(48),
        MemoryBandwidth = BytesPerSecond.FromGBps(864),
        Bf16 = Tera(119.5),
        Fp8 = Tera(239),
        Exp2 = FlopsPerSecond.FromTflops(92 * 2.52e9 * 16 / 1e12),
        Reduce = FlopsPerSecond.FromTflops(92 * 2.52e9 * 32 / 1e12),
    };

    public static IReadOnlyList<HardwareSpec> Cards { get; } = [H800, H20, A100, L20];

    public static IReadOnlyList<NicSpec> Nics { get; } = [Fixtures.Cx7, Fixtures.E810];
}
