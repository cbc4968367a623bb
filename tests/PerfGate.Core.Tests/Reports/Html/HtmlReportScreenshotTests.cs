using PerfGate.Reports;
using PerfGate.Reports.Html;

namespace PerfGate.Tests.Reports.Html;

/// <summary>
/// The HTML report as a browser draws it: headless Chromium (Debian's chromium-headless-shell) screenshots the page
/// and the PNG is decoded here (<see cref="Png"/>): it has the window's size, is not blank (many non-white pixels,
/// many distinct colours), and shows the charts' own colours, which only the inline SVG paints: the baseline grey and
/// current blue of the throughput bars, the memory picture's weights indigo and KV-cache green.
/// </summary>
public sealed class HtmlReportScreenshotTests : IDisposable
{
    private const int Width = 1200;
    private const int Height = 6000;
    private readonly string _folder = Directory.CreateTempSubdirectory("perfgate-html-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ChromiumFact]
    public void Chromium_draws_the_report_with_its_charts()
    {
        var html = Path.Combine(_folder, "report.html");
        var png = Path.Combine(_folder, "report.png");
        File.WriteAllText(html, new HtmlReport().Render(SampleResults.Mixed(), new ReportContext(p => p) { Details = HtmlReportTests.WithPictures() }));

        Chromium.Screenshot(html, png, Width, Height);
        var image = Png.Read(File.ReadAllBytes(png));

        Assert.Equal((Width, Height), (image.Width, image.Height));
        var nonWhite = image.Pixels.Count(p => p != 0xFFFFFF);
        var colours = image.Pixels.Distinct().Count();
        Assert.True(nonWhite > image.Pixels.Length / 50, $"only {nonWhite} of {image.Pixels.Length} pixels are not white: the page looks blank");
        Assert.True(colours >= 32, $"only {colours} distinct colours: the page looks blank");
        foreach (var (name, rgb) in new[] { ("baseline bar grey #9e9e9e", 0x9E9E9E), ("current bar blue #1565c0", 0x1565C0), ("memory weights #3f51b5", 0x3F51B5), ("memory KV cache #4caf50", 0x4CAF50) })
        {
            Assert.True(image.Pixels.Count(p => p == rgb) >= 50, $"the screenshot has no {name}: that chart was not drawn");
        }
    }
}
