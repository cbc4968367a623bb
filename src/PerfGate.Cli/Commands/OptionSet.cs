using System.CommandLine;

namespace PerfGate.Cli.Commands;

/// <summary>
/// A command's options, each declared on one line with where its value goes in the arguments record Core takes
/// (<typeparamref name="TArguments"/>): <see cref="Read"/> fills the record from a parse, so no option is declared in
/// one place and read in another.
/// </summary>
internal class OptionSet<TArguments>(TArguments empty)
{
    private readonly List<Option> _all = [];
    private readonly List<Func<ParseResult, TArguments, TArguments>> _readers = [];

    /// <summary>Every option, in the order declared (the order help lists them).</summary>
    public IReadOnlyList<Option> All => _all;

    public Option<T> Add<T>(string name, string description, Func<TArguments, T, TArguments>? bind = null) =>
        Add(new Option<T>(name) { Description = description }, bind);

    /// <summary>An option whose value <paramref name="bind"/> puts into the arguments (none: the front end reads it itself).</summary>
    public Option<T> Add<T>(Option<T> option, Func<TArguments, T, TArguments>? bind = null)
    {
        _all.Add(option);
        if (bind is not null)
        {
            _readers.Add((parse, arguments) => bind(arguments, parse.GetValue(option)!));
        }

        return option;
    }

    public void AddTo(Command command)
    {
        foreach (var option in _all)
        {
            command.Options.Add(option);
        }
    }

    public TArguments Read(ParseResult parse) => _readers.Aggregate(empty, (arguments, read) => read(parse, arguments));
}
