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
        EfficiencyOrigin.AchievedFractions => "achieved:h100-fractions",
        EfficiencyOrigin.NicBandwidth => "nic",
        EfficiencyOrigin.LinkBandwidth => "link",
        EfficiencyOrigin.LinkBandwidthLatency => "link+latency",
        EfficiencyOrigin.NicBandwidthLatency => "nic+latency",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, null),
    };

    /// <summary>Whether the figure came from a measured table (and so is transferred when the tables are borrowed).</summary>
    public static bool IsMeasured(this EfficiencyOrigin origin) =>
        origin is EfficiencyOrigin.MeasuredGemm or EfficiencyOrigin.MeasuredGemmInterpolated or EfficiencyOrigin.MeasuredAttention
            or EfficiencyOrigin.MeasuredBandwidth or EfficiencyOrigin.MeasuredBandwidthSeedFlashMla;

    /// <summary>
    /// The id, and for a table figure borrowed from a sibling "transferred from ID (spec ratio)":
    /// <c>measured:gemm, transferred from h100-sxm (spec ratio)</c>.
    /// </summary>
    public static string Describe(this EfficiencyOrigin origin, Catalog.HardwareSpec? calibrationFrom) =>
        calibrationFrom is not null && origin.IsMeasured()
            ? Transferred.GetOrAdd((origin, calibrationFrom.Id), static k => $"{k.Origin.ToId()}, transferred from {k.From} (spec ratio)")
            : origin.ToId();

    /// <summary>
    /// The transferred descriptions, one string per origin and source card for the whole run: every breakdown row of every
    /// scenario on a card without its own tables holds one to the end of a check.
    /// </summary>
    private static readonly Threading.BoundedMemo<(EfficiencyOrigin Origin, string From), string> Transferred = new(4096);
}
