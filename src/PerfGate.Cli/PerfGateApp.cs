using System.CommandLine;
using PerfGate.Cli.Commands;

namespace PerfGate.Cli;

/// <summary>Builds the command tree and runs it with documented exit codes.</summary>
public static class PerfGateApp
{
    public static RootCommand CreateRootCommand(CliContext context)
    {
        var root = new RootCommand(
            "PerfGate recomputes LLM inference capacity and memory estimates from committed configs and fails the build when they drift from reviewed baselines.\n\n" +
            "Exit codes: 0 fine, 1 a finding (new, changed or removed results; a plan that does not fit), 2 bad input or usage, 3 internal error.");

        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new VersionAction(context);
        }

        // Each command lives in its own file under Commands/ and is registered here, once.
        foreach (var command in CommandRegistry.Create(context))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>System.CommandLine names .NET types ("expected type 'System.Int32'"); say what to write instead.</summary>
    internal static string Explain(string message)
    {
        foreach (var (type, words) in TypeWords)
        {
            var at = message.IndexOf($"as expected type '{type}'", StringComparison.Ordinal);
            if (at >= 0)
            {
                return message[..at] + words;
            }
        }

        return message;
    }

    private static readonly (string Type, string Words)[] TypeWords =
    [
        ("System.Int32", "as a whole number; write digits only (no decimal point or separators, at most 2147483647), e.g. 8"),
        ("System.Nullable`1[System.Int32]", "as a whole number; write digits only (no decimal point or separators, at most 2147483647), e.g. 8"),
        ("System.Double", "as a number; write it with '.' as the decimal separator, e.g. 0.85"),
        ("System.Nullable`1[System.Double]", "as a number; write it with '.' as the decimal separator, e.g. 0.85"),
    ];

    /// <summary>" (did you mean '--batch'?)" for an unrecognized option close to one the command has.</summary>
    private static string DidYouMean(string message, ParseResult parse)
    {
        const string Prefix = "Unrecognized command or argument '";
        if (!message.StartsWith(Prefix, StringComparison.Ordinal) || !message.EndsWith("'.", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var token = message[Prefix.Length..^2];
        var command = parse.CommandResult.Command;
        var candidates = token.StartsWith('-')
            ? command.Options.SelectMany(o => o.Aliases.Prepend(o.Name))
            : command.Subcommands.Select(c => c.Name);
        var suggestion = PerfGate.Yaml.Suggestions.DidYouMean(token, candidates.Where(c => c.Length > 2));
        return suggestion;
    }

    public static int Run(string[] args, CliContext context)
    {
        var root = CreateRootCommand(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                context.Error.WriteLine($"perfgate: error PG2014: {Explain(error.Message)}{DidYouMean(error.Message, parse)}");
            }

            context.Error.WriteLine("Run 'perfgate --help' for usage.");
            return ExitCodes.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            context.Error.WriteLine($"perfgate: error PG9001: internal error: {ex.GetType().Name}: {ex.Message}");
            context.Error.WriteLine("This is a bug in PerfGate; please report it with the command line and input files.");
            return ExitCodes.InternalError;
        }
    }
}
