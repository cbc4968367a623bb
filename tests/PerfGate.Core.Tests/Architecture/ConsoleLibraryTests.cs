using PerfGate.Reports;

namespace PerfGate.Tests.Architecture;

/// <summary>Core is pure: it draws nothing on a console. The console report's drawing is the CLI's (Spectre.Console).</summary>
public sealed class ConsoleLibraryTests
{
    private static readonly string[] ConsoleLibraries = ["Spectre.Console", "System.Console", "Colorful.Console", "Pastel", "Crayon"];

    [Fact]
    public void Core_references_no_console_library()
    {
        var references = typeof(ReportFormats).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToList();
        Assert.NotEmpty(references);
        Assert.DoesNotContain(references, r => ConsoleLibraries.Any(c => r.StartsWith(c, StringComparison.OrdinalIgnoreCase)));
    }
}
