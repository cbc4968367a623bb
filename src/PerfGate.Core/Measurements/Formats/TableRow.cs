namespace PerfGate.Measurements.Formats;

/// <summary>One row of a pipe table ("| a | b |"), its cells trimmed, each with its 1-based column in the line.</summary>
internal sealed record TableRow(int Line, IReadOnlyList<(string Text, int Column)> Cells)
{
    /// <summary>Splits <paramref name="text"/> on '|'; null when the line is not a pipe-table row.</summary>
    public static TableRow? Parse(string text, int line)
    {
        var trimmed = text.TrimEnd('\r');
        var start = trimmed.IndexOf('|', StringComparison.Ordinal);
        if (start < 0 || trimmed[..start].Trim().Length > 0)
        {
            return null;
        }

        var cells = new List<(string, int)>();
        var from = start + 1;
        while (from <= trimmed.Length)
        {
            var next = trimmed.IndexOf('|', from);
            var end = next < 0 ? trimmed.Length : next;
            var raw = trimmed[from..end];
            if (next >= 0 || raw.Trim().Length > 0)
            {
                var lead = raw.Length - raw.TrimStart().Length;
                cells.Add((raw.Trim(), from + lead + 1));
            }

            if (next < 0)
            {
                break;
            }

            from = next + 1;
        }

        // "| a | b |" ends with an empty cell after the last bar.
        if (cells.Count > 0 && cells[^1].Item1.Length == 0 && trimmed.TrimEnd().EndsWith('|'))
        {
            cells.RemoveAt(cells.Count - 1);
        }

        return new TableRow(line, cells);
    }
}
