namespace PerfGate.Tests.Reports.Html;

/// <summary>
/// A fact that needs headless Chromium (<see cref="Chromium.Path"/>). On a developer machine without it the test is
/// skipped with the reason shown (xUnit 2 decides skips when the attribute is built); under CI (CI or GITHUB_ACTIONS
/// set, or PERFGATE_REQUIRE_CHROMIUM=1, which .ci/run sets after installing chromium-headless-shell) it always runs,
/// so a missing browser fails the build instead of passing silently.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null && !Chromium.Required)
        {
            Skip = "headless Chromium not found (apt-get install chromium-headless-shell, or set PERFGATE_CHROMIUM to a Chromium binary); required under CI";
        }
    }
}
