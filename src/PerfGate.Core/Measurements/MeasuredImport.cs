using PerfGate.Diagnostics;

namespace PerfGate.Measurements;

/// <summary>
/// The import entry point: picks the format (named, or the one registered format that recognises the text), parses,
/// and lays the system it was told (sidecar YAML, then options) over what the report says.
/// </summary>
public static class MeasuredImport
{
    public static MeasuredParseResult Read(MeasuredInput input, string? formatId, MeasuredSystem told)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(told);
        var at = new SourceLocation(input.File, 1, 1);
        IMeasuredFormat format;
        if (formatId is not null)
        {
            if (MeasuredFormats.ById(formatId) is not { } named)
            {
                return MeasuredParseResult.Fail(Diagnostic.Error(DiagnosticIds.MeasuredUnknownFormat, $"unknown format '{formatId}'; expected one of {MeasuredFormats.Ids}", new SourceLocation(input.File)));
            }

            format = named;
        }
        else
        {
            var candidates = MeasuredFormats.All.Where(f => f.Recognises(input)).ToList();
            if (candidates.Count != 1)
            {
                var why = candidates.Count == 0
                    ? "this is not a report PerfGate recognises"
                    : $"this looks like more than one format ({string.Join(", ", candidates.Select(c => c.Id))})";
                return MeasuredParseResult.Fail(Diagnostic.Error(DiagnosticIds.MeasuredUnknownFormat, $"{why}; pass --format, one of: {string.Join("; ", MeasuredFormats.All.Select(f => $"{f.Id} ({f.Description})"))}", at));
            }

            format = candidates[0];
        }

        var result = format.Parse(input);
        if (!result.Succeeded)
        {
            return new MeasuredParseResult([], result.Diagnostics);
        }

        if (result.Runs.Count == 0)
        {
            return MeasuredParseResult.Fail(Diagnostic.Error(DiagnosticIds.MeasuredNoRuns, $"no benchmark runs in this {format.Description}", at));
        }

        var runs = result.Runs.Select(r => r with { System = r.System.OverriddenBy(told) }).ToList();
        return new MeasuredParseResult(runs, result.Diagnostics);
    }
}
