namespace PerfGate.Gate;

public static partial class SnapshotReader
{
    private static class FigureParser
    {
        /// <summary><c>VALUE[ UNIT][ (higher is better)|(lower is better)]</c>, starting at 1-based <paramref name="column"/>.</summary>
        public static (SnapshotValue Value, string Unit, MetricDirection Direction) ParseFigure(string text, int column, int lineNo, bool allowUnit)
        {
            var (value, next) = ParseValue(text, 0, column, lineNo);
            var rest = text[next..];
            var direction = TakeDirection(ref rest);
            var unit = string.Empty;
            if (rest.Length > 0)
            {
                if (rest[0] != ' ' || !allowUnit || !value.IsNumber)
                {
                    throw Error(lineNo, column + next, $"unexpected '{Truncate(rest.TrimStart())}' after the value{(value.IsNumber ? string.Empty : "; only numbers have units")}");
                }

                unit = rest[1..];
                if (!SnapshotText.IsValidKey(unit))
                {
                    throw Error(lineNo, column + next + 1, $"invalid unit '{Truncate(unit)}' (one word, e.g. ms, GiB, tok/s)");
                }
            }

            return (value, unit, direction);
        }

        public static List<SnapshotColumn> ParseColumns(string text, int column, int lineNo)
        {
            var columns = new List<SnapshotColumn>();
            var offset = 0;
            foreach (var part in text.Split(SnapshotFormat.CellSeparator))
            {
                var rest = part;
                var direction = TakeDirection(ref rest);
                var words = rest.Split(' ');
                if (words.Length is < 1 or > 2 || !words.All(SnapshotText.IsValidKey))
                {
                    throw Error(lineNo, column + offset, $"column '{Truncate(part)}' must be 'NAME[ UNIT][ (higher is better)|(lower is better)]'");
                }

                if (columns.Any(c => c.Name == words[0]))
                {
                    throw Error(lineNo, column + offset, $"column '{words[0]}' appears twice");
                }

                columns.Add(new SnapshotColumn(words[0], words.Length == 2 ? words[1] : string.Empty, direction));
                offset += part.Length + SnapshotFormat.CellSeparator.Length;
            }

            return columns;
        }

        public static SnapshotValue[] ParseCells(string text, int column, int lineNo, int expected)
        {
            var cells = new List<SnapshotValue>(expected);
            var i = 0;
            while (true)
            {
                var (value, next) = ParseValue(text, i, column, lineNo);
                cells.Add(value);
                if (next == text.Length)
                {
                    break;
                }

                if (string.CompareOrdinal(text, next, SnapshotFormat.CellSeparator, 0, SnapshotFormat.CellSeparator.Length) != 0)
                {
                    throw Error(lineNo, column + next, $"expected ' | ' between cells, found '{Truncate(text[next..])}'");
                }

                i = next + SnapshotFormat.CellSeparator.Length;
            }

            if (cells.Count != expected)
            {
                throw Error(lineNo, column, $"row has {cells.Count} cells but the table has {expected} columns");
            }

            return [.. cells];
        }

        private static MetricDirection TakeDirection(ref string rest)
        {
            if (rest.EndsWith(SnapshotFormat.HigherIsBetter, StringComparison.Ordinal))
            {
                rest = rest[..^SnapshotFormat.HigherIsBetter.Length].TrimEnd(' ');
                return MetricDirection.HigherIsBetter;
            }

            if (rest.EndsWith(SnapshotFormat.LowerIsBetter, StringComparison.Ordinal))
            {
                rest = rest[..^SnapshotFormat.LowerIsBetter.Length].TrimEnd(' ');
                return MetricDirection.LowerIsBetter;
            }

            return MetricDirection.Neutral;
        }

        /// <summary>A number, true/false or a quoted text starting at <paramref name="start"/>; returns the index after it.</summary>
        private static (SnapshotValue Value, int Next) ParseValue(string text, int start, int column, int lineNo)
        {
            if (start >= text.Length)
            {
                throw Error(lineNo, column + start, "a value is missing");
            }

            if (text[start] == '"')
            {
                var end = SnapshotText.Unquote(text, start, out var unquoted);
                if (end < 0)
                {
                    throw Error(lineNo, column + start, "unterminated or badly escaped text (use \\\" and \\\\ inside quotes)");
                }

                return (SnapshotValue.Of(unquoted), end);
            }

            var stop = start;
            while (stop < text.Length && text[stop] != ' ')
            {
                stop++;
            }

            var token = text[start..stop];
            if (token == "true" || token == "false")
            {
                return (SnapshotValue.Of(token == "true"), stop);
            }

            if (!SignificantDigits.TryParse(token, out var number))
            {
                throw Error(lineNo, column + start, $"'{Truncate(token)}' is not a number (invariant culture: '.' decimal point, no thousands separator), true, false or a quoted text");
            }

            if (SignificantDigits.Format(number) != token)
            {
                throw Error(lineNo, column + start, $"number '{token}' is not in canonical form; the writer would write '{SignificantDigits.Format(number)}'");
            }

            return (SnapshotValue.Of(number), stop);
        }
    }
}
