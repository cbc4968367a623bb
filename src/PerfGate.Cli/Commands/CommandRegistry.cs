using System.CommandLine;

namespace PerfGate.Cli.Commands;

/// <summary>The list of top-level commands. One line per command; each command is its own file.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return ValidateCommand.Create(context);
        yield return ListCommand.Create(context);
        yield return InitCommand.Create(context);
        yield return SchemaCommand.Create(context);
        yield return CatalogCommand.Create(context);
        yield return ImportCommand.Create(context);
        yield return MeasuredCommand.Create(context);
        yield return AccuracyCommand.Create(context);
        yield return EstimateCommand.Create(context);
        yield return SearchCommand.Create(context);
        yield return MemoryCommand.Create(context);
        yield return CheckCommand.Create(context);
        yield return ApproveCommand.Create(context);
        yield return MergeCommand.Create(context);
    }
}
