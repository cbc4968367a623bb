namespace PerfGate.Gate;

/// <summary>
/// One value in a snapshot: a number (already rounded to the snapshot's significant digits), a boolean
/// or a short text. Numbers compare with tolerances; booleans and texts compare exactly.
/// </summary>
public readonly record struct SnapshotValue
{
    private SnapshotValue(SnapshotValueKind kind, double number, string? text)
    {
        Kind = kind;
        Number = number;
        Text = text;
    }

    public SnapshotValueKind Kind { get; }

    /// <summary>The number; 0 unless <see cref="Kind"/> is <see cref="SnapshotValueKind.Number"/>.</summary>
    public double Number { get; }

    /// <summary>The text for <see cref="SnapshotValueKind.Text"/>; null otherwise.</summary>
    public string? Text { get; }

    public bool IsNumber => Kind == SnapshotValueKind.Number;

    public static SnapshotValue Of(double number)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A snapshot value must be a finite number.");
        }

        return new(SnapshotValueKind.Number, number == 0 ? 0 : number, null);
    }

    public static SnapshotValue Of(bool value) => new(SnapshotValueKind.Boolean, value ? 1 : 0, null);

    public static SnapshotValue Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(SnapshotValueKind.Text, 0, text);
    }

    public bool Boolean => Kind == SnapshotValueKind.Boolean && Number != 0;

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
