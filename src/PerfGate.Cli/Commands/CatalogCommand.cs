using System.CommandLine;
using PerfGate.Catalog;
using PerfGate.Cli.Output;
using PerfGate.Reports;
using PerfGate.Workspace;
using PerfGate.Yaml;

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
                context.Out.Write(JsonText.Render(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("hardware");
                    foreach (var h in catalog.Hardware.Values)
                    {
                        CatalogJson.Write(w, h);
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("nics");
                    foreach (var n in catalog.Nics.Values)
                    {
                        CatalogJson.Write(w, n);
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("models");
                    foreach (var m in catalog.Models.Values)
                    {
                        CatalogJson.Write(w, m);
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
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

            var wanted = parse.GetValue(id)!;
            var asJson = parse.GetValue(json);
            var console = ConsoleFactory.Create(context);
            if (catalog.Hardware.TryGetValue(wanted, out var h))
            {
                Emit(asJson ? JsonText.Render(w => CatalogJson.Write(w, h)) : null, () => console.Write(context, CatalogTables.Details($"hardware {h.Id}", CatalogDetails.Of(h))));
            }
            else if (catalog.Nics.TryGetValue(wanted, out var n))
            {
                Emit(asJson ? JsonText.Render(w => CatalogJson.Write(w, n)) : null, () => console.Write(context, CatalogTables.Details($"nic {n.Id}", CatalogDetails.Of(n))));
            }
            else if (catalog.Models.TryGetValue(wanted, out var m))
            {
                Emit(asJson ? JsonText.Render(w => CatalogJson.Write(w, m)) : null, () => console.Write(context, CatalogTables.Details($"model {m.Id}", CatalogDetails.Of(m))));
            }
            else
            {
                var all = catalog.Hardware.Keys.Concat(catalog.Nics.Keys).Concat(catalog.Models.Keys).ToList();
                context.Error.WriteLine($"perfgate: error {Diagnostics.DiagnosticIds.UnknownReference}: no hardware, NIC or model has id '{wanted}'{Suggestions.DidYouMean(wanted, all)}. Known ids: {Suggestions.List(all)}");
                return ExitCodes.BadInput;
            }

            return ExitCodes.Success;
        });
        return command;

        void Emit(string? jsonText, Action table)
        {
            if (jsonText is not null)
            {
                context.Out.Write(jsonText);
            }
            else
            {
                table();
            }
        }
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
