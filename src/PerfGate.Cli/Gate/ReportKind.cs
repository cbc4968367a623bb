namespace PerfGate.Cli.Gate;

internal enum ReportKind
{
    Console,
    Markdown,
    Json,
    JUnit,
}
