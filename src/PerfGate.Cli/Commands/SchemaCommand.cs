using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.Schemas;

namespace PerfGate.Cli.Commands;

/// <summary><c>perfgate schema --output DIR</c>: write the JSON Schemas of perfgate.yaml, scenarios and catalog documents (shipped inside the tool).</summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--output", "-o") { Description = "Folder to write perfgate.schema.json, scenario.schema.json and catalog.schema.json into.", Required = true };
        var command = new Command("schema", "Write the JSON Schemas for editors (point a YAML file at one with '# yaml-language-server: $schema=PATH').");
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(output)!, context.CurrentDirectory);
            Directory.CreateDirectory(folder);
            foreach (var name in JsonSchemas.Names)
            {
                var shown = Path.Combine(parse.GetValue(output)!, name).Replace('\\', '/');
                if (OutputFile.TryWrite(Path.Combine(folder, name), shown, JsonSchemas.Read(name), "--output") is { } problem)
                {
                    DiagnosticPrinter.Print(context, [problem]);
                    return ExitCodes.BadInput;
                }

                context.Out.WriteLine($"wrote    {shown}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
