using System.Globalization;
using System.Text;
using System.Xml;
using PerfGate.Gate;

namespace PerfGate.Reports;

/// <summary>
/// JUnit XML for test reporters (dorny/test-reporter, GitLab, Jenkins): one &lt;testcase&gt; per scenario,
/// a &lt;failure&gt; (type = the PG id) when it needs approval, its drifts in the failure text. Each test case's
/// <c>time</c> is its scenario's evaluation time in seconds (invariant, 3 decimals; the suites' time is their sum),
/// taken from <see cref="ReportContext.Details"/>: the host measures it, a test passes none and gets 0.000, so the
/// same result and context give the same bytes. No timestamps.
/// </summary>
public sealed class JUnitReport : IReportFormat
{
    public string Name => "junit";

    public IReadOnlyList<string> Aliases => [];

    public string? DefaultFileName => "perfgate.junit.xml";

    public bool GoesToJobSummary => false;

    public string Render(GateResult result, ReportContext context)
    {
        var displayPath = context.DisplayPath;
        var inv = CultureInfo.InvariantCulture;
        var failures = result.Scenarios.Count(s => s.FailsGate).ToString(inv);
        var tests = result.Scenarios.Count.ToString(inv);
        var total = Seconds(result.Scenarios.Aggregate(TimeSpan.Zero, (sum, s) => sum + context.DetailsOf(s.ScenarioId).EvaluationTime));
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(new StringWriter(sb, inv), new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", OmitXmlDeclaration = true }))
        {
            w.WriteStartElement("testsuites");
            w.WriteAttributeString("name", "perfgate");
            w.WriteAttributeString("tests", tests);
            w.WriteAttributeString("failures", failures);
            w.WriteAttributeString("errors", "0");
            w.WriteAttributeString("time", total);
            w.WriteStartElement("testsuite");
            w.WriteAttributeString("name", "perfgate.check");
            w.WriteAttributeString("tests", tests);
            w.WriteAttributeString("failures", failures);
            w.WriteAttributeString("errors", "0");
            w.WriteAttributeString("skipped", "0");
            w.WriteAttributeString("time", total);
            foreach (var s in result.Scenarios)
            {
                w.WriteStartElement("testcase");
                w.WriteAttributeString("classname", "perfgate.baselines");
                w.WriteAttributeString("name", s.ScenarioId);
                w.WriteAttributeString("file", displayPath(s.BaselinePath).Replace('\\', '/'));
                w.WriteAttributeString("time", Seconds(context.DetailsOf(s.ScenarioId).EvaluationTime));
                if (s.FailsGate)
                {
                    var (type, message) = Failure(s);
                    w.WriteStartElement("failure");
                    w.WriteAttributeString("type", type);
                    w.WriteAttributeString("message", message);
                    w.WriteString(Body(s));
                    w.WriteEndElement();
                }
                else if (s.ProvenanceStale)
                {
                    w.WriteElementString("system-out", $"{ReportFormat.StaleProvenance(s)}: {s.ApproveCommand}");
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + sb + "\n";
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static (string Type, string Message) Failure(ScenarioComparison s) => s.Status switch
    {
        ScenarioStatus.New => (Diagnostics.DiagnosticIds.NewScenario, $"new scenario with no baseline. To approve: {s.ApproveCommand}"),
        ScenarioStatus.Removed => (Diagnostics.DiagnosticIds.RemovedScenario, $"baseline without a scenario. To approve the removal: {s.ApproveCommand}"),
        ScenarioStatus.Drifted when s.SettingsOnly => (Diagnostics.DiagnosticIds.Drift, string.Create(CultureInfo.InvariantCulture, $"{s.SettingChanges.Count} setting(s) differ from the baseline, no figure moved. To approve: {s.ApproveCommand}")),
        _ => (Diagnostics.DiagnosticIds.Drift, string.Create(CultureInfo.InvariantCulture, $"{s.Failing.Count()} figure(s) drifted. To approve: {s.ApproveCommand}")),
    };

    private static string Body(ScenarioComparison s)
    {
        var sb = new StringBuilder();
        if (s.Status == ScenarioStatus.Drifted)
        {
            sb.Append("Inputs changed: ").Append(ReportFormat.Causes(s, max: 20)).Append('\n');
            foreach (var d in ReportFormat.Ranked(s.Failing))
            {
                sb.Append(ReportFormat.Drift(d, CultureInfo.InvariantCulture)).Append('\n');
            }

            if (s.SettingsOnly)
            {
                foreach (var c in s.SettingChanges)
                {
                    sb.Append("setting ").Append(ReportFormat.Setting(c)).Append('\n');
                }
            }
        }

        sb.Append("To approve: ").Append(s.ApproveCommand);
        return sb.ToString();
    }
}
