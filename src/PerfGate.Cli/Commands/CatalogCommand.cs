using System.CommandLine;
using PerfGate.Catalog;
using PerfGate.Cli.Output;
using PerfGate.Workspace;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate catalog list|show</c>: the built-in catalog, overlaid with the workspace's own documents when
/// <c>--workspace</c> is given or the current directory holds a perfgate.yaml.
/// </summary>
internal static class CatalogCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("catalog", "List and show hardware, NICs and models (built-in and the workspace's own).");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Show(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var options = new WorkspaceOptions();
        var json = new Option<bool>("--json") { Description = "Write JSON instead of tables." };
        var command = new Command("list", "List every hardware, NIC and model with its key figures.");
        options.AddTo(command);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            if (LoadCatalog(parse, context, options) is not { } catalog)
            {
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(json))
            {
                context.Out.Write(CatalogJson.Render(catalog));
                return ExitCodes.Success;
            }

            var console = ConsoleFactory.Create(context);
            console.Write(context, CatalogTables.Hardware(catalog.Hardware.Values));
            console.Write(context, CatalogTables.Nics(catalog.Nics.Values));
            console.Write(context, CatalogTables.Models(catalog.Models.Values));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var options = new WorkspaceOptions();
        var id = new Argument<string>("id") { Description = "A hardware, NIC or model id (see 'perfgate catalog list')." };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table." };
        var command = new Command("show", "Show every figure of one document with its source.");
        command.Arguments.Add(id);
        options.AddTo(command);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            if (LoadCatalog(parse, context, options) is not { } catalog)
            {
                return ExitCodes.BadInput;
            }

            if (CatalogEntry.Find(catalog, parse.GetValue(id)!) is not { } entry)
            {
                context.Error.WriteLine(CatalogEntry.Unknown(catalog, parse.GetValue(id)!));
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(json))
            {
                context.Out.Write(entry.Json);
            }
            else
            {
                ConsoleFactory.Create(context).Write(context, entry.Details);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Built-ins, plus the workspace's documents when there is a workspace; null after printing errors.</summary>
    private static CatalogSet? LoadCatalog(ParseResult parse, CliContext context, WorkspaceOptions options)
    {
        var explicitWorkspace = parse.GetValue(options.Workspace) is not null;
        var root = options.Root(parse, context);
        if (!explicitWorkspace && !File.Exists(Path.Combine(root, WorkspaceLoader.SettingsFileName)))
        {
            return BuiltInCatalog.Load();
        }

        var result = options.Load(parse, context, printInfo: false);
        return result.Workspace?.Catalog;
    }
}
