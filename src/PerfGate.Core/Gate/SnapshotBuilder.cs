namespace PerfGate.Gate;

/// <summary>
/// Collects an evaluation's figures and freezes them into a <see cref="Snapshot"/>: keys validated and
/// unique, numbers rounded to the significant digits, metrics, settings and inputs sorted (ordinal).
/// A duplicate or malformed key is a bug in an estimate adapter and throws.
/// </summary>
public sealed class SnapshotBuilder(string scenarioId, string toolVersion, int significantDigits = SignificantDigits.Default)
{
    // Sized for the most a scenario has (about 45 metrics, 40 to 130 settings): no rehash, and no room that stays empty.
    private readonly Dictionary<string, Metric> _metrics = new(64, StringComparer.Ordinal);
    private readonly Dictionary<string, string> _settings = new(64, StringComparer.Ordinal);
    private readonly Dictionary<string, string> _inputs = new(StringComparer.Ordinal);
    private readonly List<SnapshotTable> _tables = [];

    /// <summary>The significant digits numbers are rounded to as they are stored.</summary>
    public int Digits => significantDigits;

    public SnapshotBuilder Add(Metric metric)
    {
        RequireKey(metric.Key, "metric key");
        RequireUnit(metric.Unit);
        // A unit belongs to numbers only: "true GiB" would not read back.
        var rounded = metric.Value.Rounded(significantDigits);
        var keepUnit = metric.Value.IsNumber || metric.Unit.Length == 0;
        return Store(rounded == metric.Value && keepUnit ? metric : metric with { Value = rounded, Unit = keepUnit ? metric.Unit : string.Empty });
    }

    /// <summary>A number, rounded as it is stored: one metric record, not one rounded copy of another.</summary>
    public SnapshotBuilder Number(string key, double value, string unit = "", MetricDirection direction = MetricDirection.Neutral)
    {
        RequireKey(key, "metric key");
        RequireUnit(unit);
        return Store(new Metric(key, SnapshotValue.Of(value).Rounded(significantDigits), unit, direction));
    }

    public SnapshotBuilder Flag(string key, bool value) => Add(Metric.Flag(key, value));

    private SnapshotBuilder Store(Metric metric)
    {
        if (!_metrics.TryAdd(metric.Key, metric))
        {
            throw new InvalidOperationException($"Metric '{metric.Key}' was added twice to the snapshot of '{scenarioId}'.");
        }

        return this;
    }

    public SnapshotBuilder Label(string key, string text) => Add(Metric.Label(key, text));

    public SnapshotBuilder Setting(string key, string value)
    {
        RequireKey(key, "setting key");
        SnapshotText.RequireQuotable(value);
        if (!_settings.TryAdd(key, SharedStrings.Share(value)))
        {
            throw new InvalidOperationException($"Setting '{key}' was added twice to the snapshot of '{scenarioId}'.");
        }

        return this;
    }

    public SnapshotBuilder Input(string path, string sha256)
    {
        RequireKey(path, "input path");
        if (sha256.Length != 64 || sha256.AsSpan().IndexOfAnyExcept(LowerHexDigits) >= 0)
        {
            throw new ArgumentException($"Input '{path}': SHA-256 must be 64 lowercase hex digits.", nameof(sha256));
        }

        _inputs[path] = sha256;
        return this;
    }

    public SnapshotBuilder Table(SnapshotTable table)
    {
        RequireKey(table.Name, "table name");
        if (_tables.Any(t => t.Name == table.Name))
        {
            throw new InvalidOperationException($"Table '{table.Name}' was added twice to the snapshot of '{scenarioId}'.");
        }

        if (table.Columns.Count == 0)
        {
            throw new ArgumentException($"Table '{table.Name}' has no columns.", nameof(table));
        }

        var columnNames = new HashSet<string>(table.Columns.Count, StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            RequireKey(column.Name, "column name");
            RequireUnit(column.Unit);
            if (!columnNames.Add(column.Name))
            {
                throw new ArgumentException($"Table '{table.Name}' has column '{column.Name}' twice.", nameof(table));
            }
        }

        var rowKeys = new HashSet<string>(table.Rows.Count, StringComparer.Ordinal);
        var rows = new List<SnapshotRow>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            RequireKey(row.Key, "row key");
            if (!rowKeys.Add(row.Key))
            {
                throw new ArgumentException($"Table '{table.Name}' has row '{row.Key}' twice.", nameof(table));
            }

            if (row.Cells.Count != table.Columns.Count)
            {
                throw new ArgumentException($"Table '{table.Name}' row '{row.Key}' has {row.Cells.Count} cells for {table.Columns.Count} columns.", nameof(table));
            }

            // Cells made by the figure sink are rounded already: such a row is kept as it is, without a rounded copy.
            SnapshotValue[]? cells = null;
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                var rounded = cell.Rounded(significantDigits);
                if (cells is null && rounded != cell)
                {
                    cells = [.. row.Cells];
                }

                if (cells is not null)
                {
                    cells[i] = rounded;
                }
            }

            rows.Add(cells is null ? row : row with { Cells = cells });
        }

        _tables.Add(table with { Rows = rows });
        return this;
    }

    public Snapshot Build() => new()
    {
        ScenarioId = scenarioId,
        ToolVersion = toolVersion,
        SignificantDigits = significantDigits,
        Inputs = ByKey(_inputs, (key, value) => new InputFileHash(key, value)),
        Settings = ByKey(_settings, KeyValuePair.Create),
        Metrics = ByKey(_metrics, (_, metric) => metric),
        Tables = _tables.ToArray(),
    };

    /// <summary>
    /// The entries in ordinal key order (keys are unique, so the order is total). The order is a permutation of the keys
    /// as they were added, and the scenarios of a kind add the same keys in the same order: the permutation is kept per
    /// key sequence (<see cref="KeyOrders"/>), so most snapshots apply a known one instead of sorting their settings and
    /// metrics by string comparison again.
    /// </summary>
    private static T[] ByKey<TValue, T>(Dictionary<string, TValue> entries, Func<string, TValue, T> item)
    {
        var keys = new string[entries.Count];
        var items = new T[entries.Count];
        var i = 0;
        foreach (var (key, value) in entries)
        {
            keys[i] = key;
            items[i++] = item(key, value);
        }

        var order = KeyOrders.For(keys);
        var sorted = new T[items.Length];
        for (var k = 0; k < order.Length; k++)
        {
            sorted[k] = items[order[k]];
        }

        return sorted;
    }

    private static readonly System.Buffers.SearchValues<char> LowerHexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    private static void RequireKey(string key, string what)
    {
        if (!SnapshotText.IsValidKey(key))
        {
            throw new ArgumentException($"Invalid {what} '{key}': use letters, digits and _ - . / : + @ [ ] % only.");
        }
    }

    private static void RequireUnit(string unit)
    {
        if (unit.Length > 0 && !SnapshotText.IsValidKey(unit))
        {
            throw new ArgumentException($"Invalid unit '{unit}': use letters, digits and _ - . / : + @ [ ] % only.");
        }
    }
}
