using System.Text.RegularExpressions;
using PerfGate.Diagnostics;
using PerfGate.Tests.IO;
using PerfGate.Workspace;

namespace PerfGate.Tests.Workspace;

/// <summary>
/// Replaces every value of valid documents, one at a time, with hostile or wrong-typed text: loading must
/// never throw, and any failure must be a located error.
/// </summary>
public sealed partial class MutationTests
{
    private static readonly string[] BadValues = ["", "~", "[1, 2]", "{a: 1}", "-1", "0", "1e400", ".nan", "x", "\"\"", "'80'", "*a", "&a b", "!!binary AAAA", "18446744073709551616", "0.0001 GiB"];

    private const string Scenario = """
        kind: scenario
        id: s
        model: deepseek-v3
        hardware: h800
        nic: cx7-400g
        cards: 144
        parallelism: {tp: 1, ep: 144, dp: 144}
        dtypes: {weights: fp8, kv: bf16}
        decode: {batch: 64, context: 5120, mtp: 1, mtpAcceptance: 0.85, pipeline: naive}
        search:
          hardware: [h800]
          nics: [cx7-400g]
          elementSizes: [[2, 2]]
        memory:
          engine: mindie
          npuMemSize: 8
          communicationBufferSize: 120 MB
        """;

    private const string Hardware = """
        kind: hardware
        id: g
        name: G
        vendor: V
        memory: 24 GiB
        memoryBandwidth: 1 TB/s
        bf16: 100 TFLOPS
        exp2: 4 TFLOPS
        twoStageFa3: true
        kernelLaunchOverhead: 2 us
        source: s
        """;

    [Theory]
    [InlineData("scenarios/s.yaml", Scenario)]
    [InlineData("catalog/g.yaml", Hardware)]
    public void No_mutation_throws(string path, string document)
    {
        var values = ValuePattern().Matches(document).ToList();
        Assert.True(values.Count > 10);
        foreach (var match in values)
        {
            foreach (var bad in BadValues)
            {
                var mutated = document[..match.Groups[1].Index] + bad + document[(match.Groups[1].Index + match.Groups[1].Length)..];
                var fs = new InMemoryFileSystem
                {
                    ["/ws/perfgate.yaml"] = "catalog: [catalog]\nscenarios: ['scenarios/*.yaml']\n",
                    ["/ws/scenarios/s.yaml"] = Scenario,
                    ["/ws/catalog/g.yaml"] = Hardware,
                    ["/ws/" + path] = mutated,
                };
                var result = WorkspaceLoader.Load(fs, "/ws");
                if (result.Workspace is null)
                {
                    Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error && d.Location.IsKnown);
                }
            }
        }
    }

    // The value after "key: " on each line, or a scalar inside a flow collection.
    [GeneratedRegex(@"(?:: |\[|, |\{)([^\s,\[\]{}][^,\]}\n]*)", RegexOptions.CultureInvariant)]
    private static partial Regex ValuePattern();
}
