using System.Globalization;
using System.Text;

namespace PerfGate.Gate;

/// <summary>
/// Writes a <see cref="Snapshot"/> in the canonical text form: UTF-8 (no BOM), LF, one figure per line,
/// sections in a fixed order, invariant culture. The same snapshot always gives the same bytes.
/// </summary>
public static class SnapshotWriter
{
    /// <summary>The 1-based line of <c>scenario = ID</c> in every written snapshot (two comment lines, then format).</summary>
    public const int ScenarioLine = 4;

    // One builder per thread, kept between snapshots (scenarios are written on several threads at once): a snapshot is
    // several KB, and a new builder grew through three chunks for each.
    [ThreadStatic]
    private static StringBuilder? _builder;

    public static string Write(Snapshot snapshot)
    {
        var sb = RentBuilder();
        try
        {
            Append(sb, snapshot);
            return sb.ToString();
        }
        finally
        {
            ReturnBuilder(sb);
        }
    }

    /// <summary>
    /// True when <paramref name="utf8"/> is exactly <see cref="Write"/>'s text in UTF-8, decided without building that
    /// text as a string: check asks this of every baseline, and most baselines did not move. Strict UTF-8 maps each text
    /// to one byte sequence, so byte equality is text equality (a text with a lone surrogate has no UTF-8 and matches
    /// nothing).
    /// </summary>
    public static bool Matches(Snapshot snapshot, ReadOnlySpan<byte> utf8)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var sb = RentBuilder();
        char[]? chars = null;
        byte[]? encoded = null;
        try
        {
            Append(sb, snapshot);

            // UTF-8 takes at least one byte per UTF-16 unit and at most three.
            if (utf8.Length < sb.Length || utf8.Length > 3L * sb.Length)
            {
                return false;
            }

            // Most snapshots are ASCII and fit the builder's first chunk: then the text is its UTF-8 bytes, compared as they are.
            var chunks = sb.GetChunks();
            if (utf8.Length == sb.Length && chunks.MoveNext() && chunks.Current.Length == sb.Length)
            {
                var text = chunks.Current.Span;
                if (Ascii.Equals(utf8, text))
                {
                    return true;
                }

                if (Ascii.IsValid(text))
                {
                    return false;
                }
            }

            chars = System.Buffers.ArrayPool<char>.Shared.Rent(sb.Length);
            encoded = System.Buffers.ArrayPool<byte>.Shared.Rent(3 * sb.Length);
            sb.CopyTo(0, chars, sb.Length);
            return System.Text.Unicode.Utf8.FromUtf16(chars.AsSpan(0, sb.Length), encoded, out _, out var written, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done
                && utf8.SequenceEqual(encoded.AsSpan(0, written));
        }
        finally
        {
            ReturnBuilder(sb);
            if (chars is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(chars);
            }

            if (encoded is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(encoded);
            }
        }
    }

    private static StringBuilder RentBuilder()
    {
        var sb = _builder ??= new StringBuilder(16384);
        sb.Clear();
        return sb;
    }

    private static void ReturnBuilder(StringBuilder sb)
    {
        if (sb.Capacity > 1 << 20)
        {
            // A huge snapshot's builder is not kept for the rest of the run.
            _builder = null;
        }
    }

    private static void Append(StringBuilder sb, Snapshot snapshot)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"# PerfGate snapshot of scenario '{snapshot.ScenarioId}'. Generated: review it in the diff, do not edit it by hand.\n");
        sb.Append(inv, $"# Approve a change with: perfgate approve {snapshot.ScenarioId}\n");
        sb.Append(inv, $"format = {SnapshotFormat.Version}\n");
        sb.Append(inv, $"scenario = {snapshot.ScenarioId}\n");
        sb.Append(inv, $"tool = {snapshot.ToolVersion}\n");
        sb.Append(inv, $"rounding = {snapshot.SignificantDigits} significant digits\n");

        // Every figure line is appended piece by piece into the one builder: this runs for every scenario of every
        // check, and per-line strings were most of its allocations.
        sb.Append('\n').Append(SnapshotFormat.InputsSection).Append('\n');
        foreach (var input in Sorted(snapshot.Inputs, i => i.Path))
        {
            sb.Append(input.Path).Append(" = sha256:").Append(input.Sha256).Append('\n');
        }

        sb.Append('\n').Append(SnapshotFormat.SettingsSection).Append('\n');
        foreach (var (key, value) in Sorted(snapshot.Settings, s => s.Key))
        {
            SnapshotText.AppendQuoted(sb.Append(key).Append(" = "), value).Append('\n');
        }

        sb.Append('\n').Append(SnapshotFormat.MetricsSection).Append('\n');
        foreach (var metric in Sorted(snapshot.Metrics, m => m.Key))
        {
            sb.Append(metric.Key).Append(" = ");
            AppendFigure(sb, metric.Value, metric.Unit, metric.Direction, snapshot.SignificantDigits);
            sb.Append('\n');
        }

        foreach (var table in snapshot.Tables)
        {
            sb.Append('\n').Append(SnapshotFormat.TablePrefix).Append(table.Name).Append("]\n");
            sb.Append("columns = ");
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var c = table.Columns[i];
                sb.Append(i == 0 ? string.Empty : SnapshotFormat.CellSeparator);
                AppendJoined(sb, c.Name, c.Unit, SnapshotFormat.DirectionSuffix(c.Direction));
            }

            sb.Append('\n');
            foreach (var row in table.Rows)
            {
                sb.Append(row.Key).Append(" = ");
                for (var i = 0; i < row.Cells.Count; i++)
                {
                    sb.Append(i == 0 ? string.Empty : SnapshotFormat.CellSeparator);
                    AppendValue(sb, row.Cells[i], snapshot.SignificantDigits);
                }

                sb.Append('\n');
            }
        }
    }

    /// <summary>The text of one figure after "key = ": value, unit, direction.</summary>
    public static string Figure(SnapshotValue value, string unit, MetricDirection direction)
    {
        var sb = new StringBuilder(32);
        AppendFigure(sb, value, unit, direction, digits: 0);
        return sb.ToString();
    }

    private static void AppendFigure(StringBuilder sb, SnapshotValue value, string unit, MetricDirection direction, int digits)
    {
        AppendValue(sb, value, digits);
        if (value.IsNumber && unit.Length > 0)
        {
            sb.Append(' ').Append(unit);
        }

        var suffix = SnapshotFormat.DirectionSuffix(direction);
        if (suffix.Length > 0)
        {
            sb.Append(' ').Append(suffix);
        }
    }

    /// <summary>
    /// As <see cref="SnapshotValue.ToCanonicalString"/>, a number formatted straight into the builder; <paramref name="digits"/>
    /// is the snapshot's significant digits, which its numbers were rounded to (0: not known, .NET formats the number).
    /// </summary>
    private static void AppendValue(StringBuilder sb, SnapshotValue value, int digits)
    {
        if (value.Kind == SnapshotValueKind.Number)
        {
            SignificantDigits.AppendRounded(sb, value.Number, digits);
        }
        else if (value.Kind == SnapshotValueKind.Boolean)
        {
            sb.Append(value.Boolean ? "true" : "false");
        }
        else
        {
            SnapshotText.AppendQuoted(sb, value.Text!);
        }
    }

    /// <summary>
    /// <paramref name="items"/> in ordinal order of <paramref name="key"/>: the list itself when it is in order already (a
    /// built snapshot always is), else a stable sort of it (the same order either way).
    /// </summary>
    private static IReadOnlyList<T> Sorted<T>(IReadOnlyList<T> items, Func<T, string> key)
    {
        for (var i = 1; i < items.Count; i++)
        {
            if (string.CompareOrdinal(key(items[i - 1]), key(items[i])) > 0)
            {
                return items.OrderBy(key, StringComparer.Ordinal).ToList();
            }
        }

        return items;
    }

    private static void AppendJoined(StringBuilder sb, string a, string b, string c)
    {
        sb.Append(a);
        if (b.Length > 0)
        {
            sb.Append(' ').Append(b);
        }

        if (c.Length > 0)
        {
            sb.Append(' ').Append(c);
        }
    }
}
