using PerfGate.Diagnostics;
using PerfGate.Scenarios;
using PerfGate.Yaml;

namespace PerfGate.Workspace;

public static partial class ScenarioDocumentReader
{
    private static MeasuredSettings? ReadMeasured(YamlMappingReader root, Func<string, SourceLocation, string?>? resolveReport)
    {
        var r = root.Mapping("measured");
        if (r is null)
        {
            return null;
        }

        var report = r.String("report", required: true);
        string? resolved = null;
        if (report is not null)
        {
            if (resolveReport is null)
            {
                r.Report(DiagnosticIds.InvalidValue, "'measured.report' cannot be used here; paths are resolved only inside a workspace", r.ValueLocationOf("report"));
            }
            else
            {
                resolved = resolveReport(report, r.ValueLocationOf("report"));
            }
        }

        var settings = new MeasuredSettings
        {
            Report = resolved ?? string.Empty,
            Model = r.String("model"),
            Hardware = r.String("hardware"),
            Engine = r.String("engine"),
            Lines = r.IntList("lines", min: 1),
        };
        r.Complete();
        return resolved is null ? null : settings;
    }
}
