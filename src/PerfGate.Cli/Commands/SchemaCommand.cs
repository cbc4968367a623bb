using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.IO;
using PerfGate.Run;
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
            var schemas = JsonSchemas.Names.Select(name => new KeyValuePair<string, string>(name, JsonSchemas.Read(name)));
            var (written, problems) = FilesWritten.Write(PhysicalFileSystem.Instance, folder, parse.GetValue(output)!, schemas, "--output");
            foreach (var shown in written)
            {
                context.Out.WriteLine($"wrote    {shown}");
            }

            return problems.Count > 0 ? DiagnosticPrinter.Fail(context, problems) : ExitCodes.Success;
        });
        return command;
    }
}
