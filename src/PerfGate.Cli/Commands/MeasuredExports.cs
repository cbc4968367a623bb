using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.Gate;
using PerfGate.Measurements;
using PerfGate.Measurements.Output;

namespace PerfGate.Cli.Commands;

/// <summary>The chart exports both measured commands offer: Bencher Metric Format and github-action-benchmark's two custom tools.</summary>
internal sealed class MeasuredExports
{
    public Option<string?> Bmf { get; } = new("--bmf") { Description = "Write the runs as Bencher Metric Format JSON (bencher run --adapter json) to this file." };

    public Option<string?> Smaller { get; } = new("--github-benchmark-smaller") { Description = "Write the lower-is-better metrics as github-action-benchmark customSmallerIsBetter JSON to this file." };

    public Option<string?> Bigger { get; } = new("--github-benchmark-bigger") { Description = "Write the higher-is-better metrics as github-action-benchmark customBiggerIsBetter JSON to this file." };

    public void AddTo(Command command)
    {
        command.Options.Add(Bmf);
        command.Options.Add(Smaller);
        command.Options.Add(Bigger);
    }

    /// <summary>Writes every export asked for; false when one could not be written (the diagnostic is printed).</summary>
    public bool Write(CliContext context, ParseResult parse, IReadOnlyList<MeasuredRun> runs)
    {
        var ok = true;
        if (parse.GetValue(Bmf) is { } bmf)
        {
            ok &= OutputFile.TryWrite(context, bmf, BencherMetricFormat.Write(runs), "--bmf");
        }

        if (parse.GetValue(Smaller) is { } smaller)
        {
            ok &= OutputFile.TryWrite(context, smaller, GitHubBenchmarkJson.Write(runs, MetricDirection.LowerIsBetter), "--github-benchmark-smaller");
        }

        if (parse.GetValue(Bigger) is { } bigger)
        {
            ok &= OutputFile.TryWrite(context, bigger, GitHubBenchmarkJson.Write(runs, MetricDirection.HigherIsBetter), "--github-benchmark-bigger");
        }

        return ok;
    }
}
