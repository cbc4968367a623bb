namespace PerfGate.Tests.Commands;

public sealed class SearchCommandTests
{
    [Fact]
    public void Search_prints_the_table_and_writes_the_csv_atomically()
    {
        var dir = Directory.CreateTempSubdirectory("perfgate-search-");
        try
        {
            var (code, output, error) = AppHarness.Run(dir.FullName, (IReadOnlyDictionary<string, string>?)null, "search", "--hardware", "h800", "--nic", "cx7-400g", "--target", "20", "--csv", "out.csv");
            Assert.True(code == 0, error);
            Assert.Contains("dual-mbatch", output, StringComparison.Ordinal);
            Assert.Contains("target 20 UX TPS:", output, StringComparison.Ordinal);
            var lines = File.ReadAllLines(Path.Combine(dir.FullName, "out.csv"));
            Assert.Equal("GPU,NIC,Pipe policy,EP,KVC elem size,Non-expert param elem size,BS,DeepGemm,UX TPS,Throughput Per card,MTP Len", lines[0]);
            // One row per EP (72, 144, 320) and non-expert size (1, 2) at most, all on the H800 with CX7.
            Assert.InRange(lines.Length - 1, 1, 6);
            Assert.All(lines.Skip(1), l => Assert.StartsWith("NVIDIA H800 SXM5 80GB,NVIDIA ConnectX-7 400Gb/s,", l, StringComparison.Ordinal));
            Assert.Single(Directory.GetFiles(dir.FullName));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Search_rejects_bad_options()
    {
        var (code, _, error) = AppHarness.Run("search", "--hardware", "h900", "--target", "-1", "--layers", "all");
        Assert.Equal(2, code);
        Assert.Contains("--hardware: unknown hardware 'h900'", error, StringComparison.Ordinal);
        Assert.Contains("--target: -1 must be a positive number", error, StringComparison.Ordinal);
        Assert.Contains("--layers: 'all' is not valid", error, StringComparison.Ordinal);
    }
}
