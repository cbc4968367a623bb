using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.Cli.Rendering;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Memory;
using PerfGate.Run;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate memory</c>: the memory budget per card from a scenario of the workspace (<c>--scenario</c>), a MindIE
/// config.json (<c>--mindie-config</c>) or options alone, on a card from the catalog (<see cref="MemoryRun"/>).
/// Exit code 0 when it fits (warnings allowed), 2 on bad input or when it does not fit / risks running out of memory.
/// </summary>
internal static class MemoryCommand
{
    public static Command Create(CliContext context)
    {
        var o = new MemoryOptions();
        var command = new Command("memory", "Memory budget per card (weights, KV cache, runtime, communication, system), KV blocks, safe maxBatchSize and the recommended npuMemSize for a MindIE (or vLLM, SGLang, TensorRT-LLM) deployment.");
        o.AddTo(command);
        command.SetAction(parse => Run(context, o.Read(parse), parse.GetValue(o.Json), parse.GetValue(o.Svg)));
        return command;
    }

    private static int Run(CliContext context, MemoryArguments arguments, bool json, string? svgPath)
    {
        var (request, budget, diagnostics) = MemoryRun.Answer(arguments, PhysicalFileSystem.Instance, context.CurrentDirectory, context.GetEnvironmentVariable);
        DiagnosticPrinter.Print(context, diagnostics);

        if (budget is not null && request is not null)
        {
            if (json)
            {
                context.Out.Write(MemoryJson.Write(budget, request, diagnostics));
            }
            else if (budget.PerCard.Count > 0)
            {
                MemoryTable.Write(ConsoleFactory.Create(context, 140), budget, request);
            }

            if (svgPath is not null && budget.PerCard.Count > 0 && !OutputFile.TryWrite(context, svgPath, MemoryBudgetSvg.Render(budget, request), "--svg"))
            {
                return ExitCodes.BadInput;
            }
        }

        // A budget that does not fit or risks OOM is a finding (exit 1); no budget at all means the input was bad (exit 2).
        return budget is null && diagnostics.Any(d => d.Severity == Severity.Error) ? ExitCodes.BadInput : ExitCodes.For(diagnostics);
    }
}
