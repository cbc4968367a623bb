using System.CommandLine.Parsing;
using PerfGate.Cli;

namespace PerfGate.MSBuild.Tests;

/// <summary>
/// Every command line the task builds parses without error in the CLI it runs, so the task never passes an option
/// the CLI does not have (the MSBuild front end and the CLI cannot drift apart silently).
/// </summary>
public sealed class CommandLineParityTests
{
    [Theory]
    [InlineData("check", "error")]
    [InlineData("check", "warning")]
    [InlineData("approve", "error")]
    public void Task_command_lines_parse_in_the_cli(string command, string failOnDrift)
    {
        using var h = new TaskHarness();
        h.Task.Command = command;
        h.Task.FailOnDrift = failOnDrift;
        h.Task.Reports = ["markdown=obj/perfgate.md", "junit", "json=obj/perfgate.json", "console"];
        h.Task.InputsFile = "obj/Debug/net10.0/perfgate.inputs";
        h.Run(0);
        var tokens = CommandLineParser.SplitCommandLine(Assert.Single(h.Runs).CommandLine).ToArray();

        // dotnet exec <perfgate.dll> <command> ...
        Assert.Equal(["exec", h.ToolAssembly], tokens[..2]);
        var context = new CliContext(TextWriter.Null, TextWriter.Null, _ => null, h.Workspace, IsTerminal: false);
        var parse = PerfGateApp.CreateRootCommand(context).Parse(tokens[2..]);

        Assert.Empty(parse.Errors.Select(e => e.Message));
        Assert.Equal(command, parse.CommandResult.Command.Name);
        Assert.Equal(command == "check", tokens.Contains("--inputs-file"));
    }
}
