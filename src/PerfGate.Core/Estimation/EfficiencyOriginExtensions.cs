namespace PerfGate.Estimation;

/// <summary>Stable spellings of <see cref="EfficiencyOrigin"/> for JSON, CSV and tables.</summary>
public static class EfficiencyOriginExtensions
{
    public static string ToId(this EfficiencyOrigin origin) => origin switch
    {
        EfficiencyOrigin.Roofline => "roofline",
        EfficiencyOrigin.SeedDeepGemm => "published:deepgemm",
        EfficiencyOrigin.SeedA100ByK => "published:a100-mfu-k",
        EfficiencyOrigin.SeedA100ByMN => "published:a100-mfu-mn",
        EfficiencyOrigin.SeedA100Floor => "published:a100-mfu-floor",
        EfficiencyOrigin.SeedFlashMla => "published:flashmla",
        EfficiencyOrigin.MeasuredGemm => "measured:gemm",
        EfficiencyOrigin.MeasuredGemmInterpolated => "measured:gemm-interpolated",
        EfficiencyOrigin.MeasuredAttention => "measured:attention",
        EfficiencyOrigin.MeasuredBandwidthSeedFlashMla => "measured:bandwidth+published:flashmla",
        EfficiencyOrigin.MeasuredBandwidth => "measured:bandwidth",
        EfficiencyOrigin.MeasuredLaunchFloor => "measured:launch-floor",
        EfficiencyOrigin.NicBandwidth => "nic",
        EfficiencyOrigin.LinkBandwidth => "link",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, null),
    };
}
