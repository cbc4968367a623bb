using System.Runtime.CompilerServices;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation.Calibration;
using PerfGate.Workspace;

namespace PerfGate.Tests.Architecture;

/// <summary>
/// Issue 9 point 8: one glob, one located-JSON reader, one CI detector, and no spelling of a document's origin tested
/// outside the one type that writes it. Scans the sources of every project (not bin/obj), so a second copy fails here.
/// </summary>
public sealed class OneOfEachTests
{
    [Theory]
    [InlineData("\"builtin:", "src/PerfGate.Core/Diagnostics/DocumentNames.cs")]
    [InlineData("\"embedded:", "src/PerfGate.Core/Estimation/Calibration/CalibrationReference.cs")]
    [InlineData("\"GITHUB_ACTIONS\"", "src/PerfGate.Core/Run/CiEnvironment.cs")]
    [InlineData("class Glob", "src/PerfGate.Core/Syntax/Glob.cs")]
    [InlineData("new Utf8JsonReader(", "src/PerfGate.Core/Syntax/LocatedJson.cs")]
    public void Each_spelling_lives_in_one_file(string needle, string owner)
    {
        var files = Sources().Where(f => File.ReadAllText(f).Contains(needle, StringComparison.Ordinal)).Select(Relative).ToList();

        Assert.Equal([owner], files);
    }

    [Fact]
    public void Origins_are_typed_and_their_text_is_written_in_one_place()
    {
        Assert.All(BuiltInCatalog.ReadResources(), r => Assert.Equal(DocumentOrigin.BuiltIn, new SourceLocation(r.Name, 1, 1).Origin));
        Assert.Equal(DocumentOrigin.CommandLine, WorkspaceSettingsReader.OverrideLocation.Origin);
        Assert.Equal(DocumentOrigin.Workspace, new SourceLocation("hardware/builtin-card.yaml", 3, 1).Origin);
        Assert.Equal(DocumentOrigin.None, SourceLocation.None.Origin);
        Assert.Equal("builtin:hardware.h100-sxm.yaml", DocumentNames.BuiltIn("hardware.h100-sxm.yaml"));
    }

    [Fact]
    public void Calibration_references_are_read_and_written_by_one_type()
    {
        Assert.Equal("embedded:h100-sxm", CalibrationReference.Embedded("h100-sxm"));
        Assert.Equal("h100-sxm", CalibrationReference.EmbeddedName("embedded:h100-sxm"));
        Assert.Null(CalibrationReference.EmbeddedName("calibration/h100"));
        Assert.All(CalibrationLoader.EmbeddedNames, n => Assert.True(CalibrationReference.IsEmbedded(CalibrationReference.Embedded(n))));
    }

    private static string Root([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));

    private static string Relative(string path) => Path.GetRelativePath(Root(), path).Replace('\\', '/');

    private static IEnumerable<string> Sources() =>
        Directory.EnumerateFiles(Path.Combine(Root(), "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(f).Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal);
}
