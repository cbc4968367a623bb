namespace PerfGate.Gate;

/// <summary>
/// One value in a snapshot: a number (already rounded to the snapshot's significant digits), a boolean
/// or a short text. Numbers compare with tolerances; booleans and texts compare exactly.
/// </summary>
public readonly record struct SnapshotValue
{
    // Two fields, not three (16 bytes instead of 24: a snapshot holds hundreds of values, every table cell is one, and
    // they live until the run ends): the kind is told by the tag, null for a number, the text for a text, the boolean
    // marker for a boolean.
    private static readonly object BooleanTag = new();
    private readonly object? _tag;

    private SnapshotValue(double number, object? tag)
    {
        Number = number;
        _tag = tag;
    }

    public SnapshotValueKind Kind => _tag switch
    {
        null => SnapshotValueKind.Number,
        string => SnapshotValueKind.Text,
        _ => SnapshotValueKind.Boolean,
    };

    /// <summary>The number; 0 unless <see cref="Kind"/> is <see cref="SnapshotValueKind.Number"/>.</summary>
    public double Number { get; }

    /// <summary>The text; null unless <see cref="Kind"/> is <see cref="SnapshotValueKind.Text"/>.</summary>
    public string? Text => _tag as string;

    public bool IsNumber => _tag is null;

    public static SnapshotValue Of(double number)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A snapshot value must be a finite number.");
        }

        return new(number == 0 ? 0 : number, null);
    }

    public static SnapshotValue Of(bool value) => new(value ? 1 : 0, BooleanTag);

    public static SnapshotValue Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(0, text);
    }

    public bool Boolean => ReferenceEquals(_tag, BooleanTag) && Number != 0;

    /// <summary>The value rounded to <paramref name="significantDigits"/>; booleans and texts are returned unchanged.</summary>
    public SnapshotValue Rounded(int significantDigits) =>
        IsNumber ? Of(SignificantDigits.Round(Number, significantDigits)) : this;

    /// <summary>The canonical text in a snapshot file (invariant culture): <c>27.1</c>, <c>true</c>, <c>"dual-micro-batch"</c>.</summary>
    public string ToCanonicalString() => Kind switch
    {
        SnapshotValueKind.Number => SignificantDigits.Format(Number),
        SnapshotValueKind.Boolean => Boolean ? "true" : "false",
        _ => SnapshotText.Quote(Text!),
    };

    /// <summary>The value for people: shortest round-trip text in <paramref name="provider"/>'s culture, no digit grouping ("27,1235" in de-DE).</summary>
    public string Display(IFormatProvider provider) => Kind switch
    {
        SnapshotValueKind.Number => Number.ToString(provider),
        SnapshotValueKind.Boolean => Boolean ? "true" : "false",
        _ => Text!,
    };

    public override string ToString() => ToCanonicalString();
}
