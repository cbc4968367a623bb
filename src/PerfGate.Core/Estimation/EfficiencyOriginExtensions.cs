namespace PerfGate.Estimation;

/// <summary>Stable spellings of <see cref="EfficiencyOrigin"/> for JSON, CSV and tables.</summary>
public static class EfficiencyOriginExtensions
{
    public static string ToId(this EfficiencyOrigin origin) => origin switch
    {
        EfficiencyOrigin.Roofline => "roofline",
        EfficiencyOrigin.SeedDeepGemm => "seed:deepgemm",
        EfficiencyOrigin.SeedA100ByK => "seed:a100-mfu-k",
        EfficiencyOrigin.SeedA100ByMN => "seed:a100-mfu-mn",
        EfficiencyOrigin.SeedA100Floor => "seed:a100-mfu-floor",
        EfficiencyOrigin.SeedFlashMla => "seed:flashmla",
        EfficiencyOrigin.MeasuredGemm => "measured:gemm",
        EfficiencyOrigin.MeasuredGemmInterpolated => "measured:gemm-interpolated",
        EfficiencyOrigin.MeasuredAttention => "measured:attention",
        EfficiencyOrigin.MeasuredBandwidthSeedFlashMla => "measured:bandwidth+seed:flashmla",
        EfficiencyOrigin.MeasuredBandwidth => "measured:bandwidth",
        EfficiencyOrigin.MeasuredLaunchFloor => "measured:launch-floor",
        EfficiencyOrigin.NicBandwidth => "nic",
        EfficiencyOrigin.LinkBandwidth => "link",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, null),
    };
}
