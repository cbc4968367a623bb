using System.CommandLine;
using System.Globalization;
using PerfGate.Cli.Output;
using Spectre.Console;

namespace PerfGate.Cli.Commands;

/// <summary><c>perfgate list</c>: the workspace's scenarios (id, model, hardware, cards, sections), to pick names for check and approve.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var options = new WorkspaceOptions();
        var command = new Command("list", "List the workspace's scenarios: id, model, hardware, cards and the sections each computes (decode, search, memory).");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var loaded = options.Load(parse, context, printInfo: false);
            if (loaded.Workspace is not { } workspace)
            {
                return ExitCodes.BadInput;
            }

            var table = new Table().AddColumns("id", "model", "hardware", "cards", "sections");
            foreach (var s in workspace.Scenarios)
            {
                var sections = new[] { s.Decode is null ? null : "decode", s.Search is null ? null : "search", s.Memory is null ? null : "memory" }.OfType<string>();
                table.AddRow(Markup.Escape(s.Id), Markup.Escape(s.Model), Markup.Escape(s.Hardware), s.EffectiveCards.ToString(CultureInfo.InvariantCulture), string.Join(", ", sections));
            }

            table.Columns[0].NoWrap();
            ConsoleFactory.Create(context).Write(context, table);
            return ExitCodes.Success;
        });
        return command;
    }
}
