using System.CommandLine;
using PerfGate.Catalog;
using PerfGate.Cli.Output;
using PerfGate.IO;

namespace PerfGate.Cli.Commands;

/// <summary><c>perfgate import hf &lt;config.json&gt; [--id ID] [--output FILE]</c>: a HuggingFace config.json as a model document.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("import", "Turn files from other tools into catalog documents.");
        command.Subcommands.Add(HuggingFace(context));
        return command;
    }

    private static Command HuggingFace(CliContext context)
    {
        var config = new Argument<string>("config") { Description = "Path to a HuggingFace config.json (llama, qwen2, qwen2_moe, deepseek_v2, deepseek_v3)." };
        var id = new Option<string?>("--id") { Description = "Catalog id of the model (default: from _name_or_path in the file)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the model YAML to this file (atomically) instead of the console." };
        var source = new Option<string?>("--source") { Description = "Where the config came from (e.g. its URL), recorded as the source of every figure." };
        var command = new Command("hf", "Convert a HuggingFace config.json into a model YAML document.");
        command.Arguments.Add(config);
        command.Options.Add(id);
        command.Options.Add(output);
        command.Options.Add(source);
        command.SetAction(parse =>
        {
            var result = HuggingFaceConfigReader.ReadFile(PhysicalFileSystem.Instance, context.CurrentDirectory, parse.GetValue(config)!, parse.GetValue(id), parse.GetValue(source));
            DiagnosticPrinter.Print(context, result.Diagnostics);

            if (result.Model is not { } model)
            {
                return ExitCodes.BadInput;
            }

            var yaml = ModelYamlWriter.Write(model);
            if (parse.GetValue(output) is { } target)
            {
                if (!OutputFile.TryWrite(context, target, yaml, "--output"))
                {
                    return ExitCodes.BadInput;
                }

                context.Out.WriteLine(FormattableString.Invariant($"perfgate: wrote model '{model.Id}' ({ModelParameters.Total(model):N0} parameters) to {target}"));
            }
            else
            {
                context.Out.Write(yaml);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
