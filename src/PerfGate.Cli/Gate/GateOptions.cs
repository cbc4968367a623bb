using System.CommandLine;
using PerfGate.Diagnostics;
using PerfGate.Reports;

namespace PerfGate.Cli.Gate;

/// <summary>
/// The options check and merge share: <c>--report NAME[=FILE]</c> (repeatable; a refusal names a
/// valid report the command cannot write), <c>--drift-as</c> and <c>--diagnostics-format</c>.
/// </summary>
internal sealed class GateOptions
{
    public GateOptions(string reportDescription, Func<ReportRequest, string, string?>? refusal = null)
    {
        Report = new("--report", "-r") { Description = reportDescription, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        Report.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                var error = ReportRequest.TryParse(value, out var request, out var invalid) ? refusal?.Invoke(request, value) : invalid;
                if (error is not null)
                {
                    result.AddError(error);
                }
            }
        });
        DriftAs.AcceptOnlyFromAmong("error", "warning");
        DiagnosticsFormat.AcceptOnlyFromAmong([.. DiagnosticFormats.Names]);
    }

    public Option<string[]> Report { get; }

    public Option<string> DriftAs { get; } = new("--drift-as") { Description = "Severity of drift diagnostics: error (default) or warning. The exit code is 1 on drift either way.", DefaultValueFactory = _ => "error" };

    public Option<string> DiagnosticsFormat { get; } = new("--diagnostics-format") { Description = "auto (GitHub annotations when GITHUB_ACTIONS is set, else MSBuild canonical lines), msbuild or github.", DefaultValueFactory = _ => DiagnosticFormats.Auto };

    public void AddTo(Command command)
    {
        command.Options.Add(Report);
        command.Options.Add(DriftAs);
        command.Options.Add(DiagnosticsFormat);
    }

    public string[] Reports(ParseResult parse) => parse.GetValue(Report) ?? [];

    public Severity Severity(ParseResult parse) => parse.GetValue(DriftAs) == "warning" ? Diagnostics.Severity.Warning : Diagnostics.Severity.Error;

    public GateOutput Output(CliContext context, ParseResult parse) => new(context, parse.GetValue(DiagnosticsFormat) ?? DiagnosticFormats.Auto);
}
