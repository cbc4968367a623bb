using PerfGate.Estimation;
using PerfGate.Scenarios;

namespace PerfGate.Tests.Estimation;

/// <summary>
/// Seed 002's two published result tables (shared/seeds/002_895c43216c032239.txt, "TPS > 20" and
/// "TPS > 15"), copied row by row: GPU, NIC, pipeline, EP, KV and non-expert element sizes, batch,
/// DeepGEMM, UX TPS, throughput per card, MTP length.
/// </summary>
internal static class SeedPublishedTables
{
    public static IReadOnlyList<SearchRow> Target20 { get; } =
    [
        new("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 320, 1, 1, 128, true, 28.9283602, 3702.83011, 1),
        new("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 144, 1, 1, 128, true, 25.3533733, 3245.23178, 1),
        new("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 320, 1, 2, 128, true, 20.5797242, 2634.2047, 0),
        new("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 72, 1, 1, 128, true, 20.3288631, 2602.09448, 1),
        new("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 144, 1, 2, 80, true, 28.3847954, 2270.78363, 1),
        new("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 72, 2, 2, 88, true, 21.631899, 1903.60711, 1),
        new("H800", "E810 100Gbps", PipelineKind.DualMicroBatch, 320, 1, 1, 64, true, 22.4657618, 1437.80876, 0),
        new("A100", "CX7 400Gbps", PipelineKind.DualMicroBatch, 320, 1, 1, 64, true, 21.8744074, 1399.96207, 1),
        new("H800", "E810 100Gbps", PipelineKind.DualMicroBatch, 144, 1, 1, 64, true, 21.130419, 1352.34682, 0),
        new("A100", "CX7 400Gbps", PipelineKind.Naive, 144, 1, 1, 56, true, 21.0442842, 1178.47991, 1),
        new("H800", "E810 100Gbps", PipelineKind.DualMicroBatch, 72, 1, 1, 32, true, 34.9379234, 1118.01355, 1),
        new("A100", "CX7 400Gbps", PipelineKind.Naive, 72, 1, 1, 32, true, 31.2735432, 1000.75338, 1),
        new("H800", "E810 100Gbps", PipelineKind.DualMicroBatch, 320, 1, 2, 40, true, 23.7693815, 950.775262, 0),
        new("H20", "CX7 400Gbps", PipelineKind.Naive, 320, 1, 1, 40, true, 22.2571103, 890.284412, 1),
        new("H800", "E810 100Gbps", PipelineKind.DualMicroBatch, 144, 2, 2, 40, true, 22.1981281, 887.925125, 0),
        new("A100", "E810 100Gbps", PipelineKind.DualMicroBatch, 320, 1, 1, 40, true, 20.423625, 816.945001, 1),
        new("H800", "E810 100Gbps", PipelineKind.DualMicroBatch, 72, 2, 2, 32, true, 25.0675241, 802.16077, 1),
        new("H20", "CX7 400Gbps", PipelineKind.Naive, 144, 1, 1, 32, true, 23.9194245, 765.421585, 1),
        new("A100", "CX7 400Gbps", PipelineKind.Naive, 320, 1, 2, 32, true, 23.7288273, 759.322475, 1),
        new("A100", "E810 100Gbps", PipelineKind.Naive, 144, 1, 1, 32, true, 22.6969865, 726.303569, 1),
        new("A100", "CX7 400Gbps", PipelineKind.Naive, 144, 2, 2, 32, true, 22.4446861, 718.229954, 1),
        new("A100", "E810 100Gbps", PipelineKind.Naive, 72, 1, 1, 32, true, 20.4578472, 654.65111, 1),
        new("A100", "CX7 400Gbps", PipelineKind.Naive, 72, 2, 2, 32, true, 20.2526468, 648.084699, 1),
        new("H20", "E810 100Gbps", PipelineKind.Naive, 320, 1, 1, 16, true, 24.8169232, 397.070771, 1),
        new("H20", "E810 100Gbps", PipelineKind.Naive, 144, 1, 1, 16, true, 22.4215763, 358.74522, 1),
        new("A100", "E810 100Gbps", PipelineKind.Naive, 320, 2, 2, 16, true, 21.6367524, 346.188039, 1),
        new("L20", "CX7 400Gbps", PipelineKind.Naive, 320, 1, 1, 16, true, 21.4384945, 343.015912, 1),
        new("H20", "CX7 400Gbps", PipelineKind.Naive, 72, 1, 1, 16, true, 21.1636852, 338.618962, 1),
        new("A100", "E810 100Gbps", PipelineKind.Naive, 144, 1, 2, 16, true, 20.7212298, 331.539677, 1),
    ];

    public static IReadOnlyList<SearchRow> Target15 { get; } =
    [
        new("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 320, 1, 1, 128, true, 28.9283602, 3702.83011, 1),
        new("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 144, 1, 1, 128, true, 25.3533733, 3245.23178, 1),
        new("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 320, 2, 2, 128, true, 20.5797242, 2634.2047, 0),
        new("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 72, 1, 1, 128, true, 20.3288631, 2602.09448, 1),
        new("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 144, 1, 2, 128, true, 18.6497315, 2387.16563, 0),
        new("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 72, 1, 2, 128, true, 15.70421, 2010.13888, 0),
        new("H800", "E810 100Gbps", PipelineKind.DualMicroBatch, 320, 1, 1, 72, true, 19.9695661, 1437.80876, 0),
        new("A100", "CX7 400Gbps", PipelineKind.DualMicroBatch, 320, 1, 1, 72, true, 19.4439177, 1399.96207, 1),
        new("H800", "E810 100Gbps", PipelineKind.DualMicroBatch, 144, 1, 1, 64, true, 21.130419, 1352.34682, 0),
        new("A100", "CX7 400Gbps", PipelineKind.Naive, 144, 1, 1, 80, true, 15.2895567, 1223.16454, 1),
        new("H800", "E810 100Gbps", PipelineKind.DualMicroBatch, 72, 1, 1, 64, true, 18.885364, 1208.6633, 0),
        new("A100", "CX7 400Gbps", PipelineKind.Naive, 72, 1, 1, 64, true, 16.1541242, 1033.86395, 1),
        new("A100", "E810 100Gbps", PipelineKind.DualMicroBatch, 320, 1, 1, 64, true, 15.9938678, 1023.60754, 1),
        new("H800", "E810 100Gbps", PipelineKind.DualMicroBatch, 320, 1, 2, 64, true, 15.2994591, 979.165382, 0),
        new("H20", "CX7 400Gbps", PipelineKind.Naive, 320, 1, 1, 56, true, 16.033771, 897.891177, 1),
        new("H800", "E810 100Gbps", PipelineKind.DualMicroBatch, 144, 2, 2, 48, true, 18.4984401, 887.925125, 0),
        new("H800", "E810 100Gbps", PipelineKind.DualMicroBatch, 72, 2, 2, 48, true, 16.7116827, 802.16077, 1),
        new("H20", "CX7 400Gbps", PipelineKind.Naive, 144, 1, 1, 48, true, 16.3711618, 785.815766, 1),
        new("A100", "E810 100Gbps", PipelineKind.DualMicroBatch, 144, 1, 1, 48, true, 15.931457, 764.709937, 1),
        new("A100", "CX7 400Gbps", PipelineKind.Naive, 320, 1, 2, 48, true, 15.8192182, 759.322475, 1),
        new("A100", "CX7 400Gbps", PipelineKind.Naive, 144, 1, 2, 32, true, 22.4446861, 718.229954, 1),
        new("A100", "E810 100Gbps", PipelineKind.Naive, 72, 1, 1, 32, true, 20.4578472, 654.65111, 1),
        new("A100", "CX7 400Gbps", PipelineKind.Naive, 72, 2, 2, 32, true, 20.2526468, 648.084699, 1),
        new("H20", "CX7 400Gbps", PipelineKind.Naive, 72, 1, 1, 40, true, 15.6273132, 625.092527, 1),
        new("H20", "E810 100Gbps", PipelineKind.Naive, 320, 1, 1, 40, true, 15.2252911, 609.011643, 1),
        new("L20", "CX7 400Gbps", PipelineKind.Naive, 320, 1, 1, 40, true, 15.1643212, 606.57285, 1),
        new("H20", "E810 100Gbps", PipelineKind.Naive, 144, 1, 1, 32, true, 17.3529462, 555.294279, 1),
        new("L20", "CX7 400Gbps", PipelineKind.Naive, 144, 1, 1, 32, true, 16.6618724, 533.179916, 1),
        new("H20", "CX7 400Gbps", PipelineKind.Naive, 320, 1, 2, 32, true, 15.5128535, 496.411312, 1),
        new("A100", "E810 100Gbps", PipelineKind.DualMicroBatch, 320, 1, 2, 32, true, 15.0206838, 480.661883, 1),
        new("A100", "E810 100Gbps", PipelineKind.Naive, 144, 2, 2, 24, true, 15.7915907, 378.998177, 1),
        new("L20", "E810 100Gbps", PipelineKind.Naive, 320, 1, 1, 24, true, 15.2261985, 365.428764, 1),
        new("A100", "E810 100Gbps", PipelineKind.Naive, 72, 1, 2, 16, true, 19.1044821, 305.671713, 1),
        new("H20", "E810 100Gbps", PipelineKind.Naive, 72, 1, 1, 16, true, 18.7936278, 300.698045, 1),
        new("L20", "E810 100Gbps", PipelineKind.Naive, 144, 1, 1, 16, true, 17.5424449, 280.679118, 1),
        new("L20", "CX7 400Gbps", PipelineKind.Naive, 72, 1, 1, 16, true, 15.9643624, 255.429798, 1),
        new("H20", "CX7 400Gbps", PipelineKind.Naive, 144, 2, 2, 16, true, 15.4392247, 247.027596, 1),
    ];
}
