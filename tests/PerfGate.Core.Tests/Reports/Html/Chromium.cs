using System.Diagnostics;

namespace PerfGate.Tests.Reports.Html;

/// <summary>Finds and runs headless Chromium: PERFGATE_CHROMIUM, else the first of Debian's and Google's binary names on PATH.</summary>
internal static class Chromium
{
    private static readonly string[] Names = ["chromium-headless-shell", "chrome-headless-shell", "chromium", "google-chrome"];

    public static string? Path { get; } = Find();

    /// <summary>True under CI (or PERFGATE_REQUIRE_CHROMIUM=1): a missing browser is a failure, not a skip.</summary>
    public static bool Required =>
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"))
        || Environment.GetEnvironmentVariable("PERFGATE_REQUIRE_CHROMIUM") == "1";

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("PERFGATE_CHROMIUM") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : null;
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/lib/chromium");
        return Names.SelectMany(n => folders.Select(f => System.IO.Path.Combine(f, n))).FirstOrDefault(File.Exists);
    }

    /// <summary>Screenshots <paramref name="html"/> (a file) at <paramref name="width"/> x <paramref name="height"/> CSS pixels into <paramref name="png"/>.</summary>
    public static void Screenshot(string html, string png, int width, int height)
    {
        var binary = Path ?? throw new InvalidOperationException("headless Chromium not found: apt-get install chromium-headless-shell (.ci/run does), or set PERFGATE_CHROMIUM");
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
            "--no-first-run", "--disable-extensions", $"--user-data-dir={System.IO.Path.Combine(System.IO.Path.GetDirectoryName(png)!, "profile")}",
            $"--screenshot={png}", $"--window-size={width},{height}", new Uri(html).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{binary} took over 90 s to screenshot {html}");
        }

        if (process.ExitCode != 0 || !File.Exists(png))
        {
            throw new InvalidOperationException($"{binary} exited {process.ExitCode} without {png}: {output.Result}{error.Result}");
        }
    }
}
