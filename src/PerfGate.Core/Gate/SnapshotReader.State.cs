using System.Globalization;

namespace PerfGate.Gate;

public static partial class SnapshotReader
{
    private enum Section
    {
        Header,
        Inputs,
        Settings,
        Metrics,
        Table,
    }

    private sealed class State(string path)
    {
        private readonly Dictionary<string, int> _figureLines = new(StringComparer.Ordinal);
        private readonly List<InputFileHash> _inputs = [];
        private readonly List<KeyValuePair<string, string>> _settings = [];
        private readonly Dictionary<string, int> _settingLines = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _inputLines = new(StringComparer.Ordinal);
        private readonly List<Metric> _metrics = [];
        private readonly List<SnapshotTable> _tables = [];
        private readonly HashSet<string> _seenSections = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Value, int Line)> _header = new(StringComparer.Ordinal);
        private string? _tableName;
        private List<SnapshotColumn>? _columns;
        private List<SnapshotRow>? _rows;
        private int _tableLine;

        public string ScenarioHint { get; private set; } = "<scenario>";

        public SnapshotDocument Parse(string text)
        {
            var lines = text.Split('\n');
            var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
            if (count == 0)
            {
                throw Error(1, 1, "the file is empty");
            }

            var section = Section.Header;
            for (var i = 0; i < count; i++)
            {
                var lineNo = i + 1;
                var line = lines[i];
                var cr = line.IndexOf('\r', StringComparison.Ordinal);
                if (cr >= 0)
                {
                    throw Error(lineNo, cr + 1, "carriage return (CRLF line ending); baselines use LF only (.gitattributes: *.verified.* text eol=lf)");
                }

                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                if (line[0] == '[')
                {
                    FinishTable();
                    section = EnterSection(line, lineNo);
                    continue;
                }

                switch (section)
                {
                    case Section.Header: ReadHeader(line, lineNo); break;
                    case Section.Inputs: ReadInput(line, lineNo); break;
                    case Section.Settings: ReadSetting(line, lineNo); break;
                    case Section.Metrics: ReadMetric(line, lineNo); break;
                    default: ReadTableLine(line, lineNo); break;
                }
            }

            FinishTable();
            var snapshot = BuildSnapshot(count);
            EnsureCanonical(snapshot, lines, count);
            return new SnapshotDocument(path, snapshot, _figureLines, _header["scenario"].Line) { SettingLines = _settingLines, InputLines = _inputLines };
        }

        private Section EnterSection(string line, int lineNo)
        {
            if (_header.Count < 4)
            {
                RequireHeader(lineNo);
            }

            if (!line.EndsWith(']'))
            {
                throw Error(lineNo, line.Length, $"section header '{Truncate(line)}' is not closed with ']'");
            }

            if (!_seenSections.Add(line))
            {
                throw Error(lineNo, 1, $"section {Truncate(line)} appears twice");
            }

            switch (line)
            {
                case SnapshotFormat.InputsSection: return Section.Inputs;
                case SnapshotFormat.SettingsSection: return Section.Settings;
                case SnapshotFormat.MetricsSection: return Section.Metrics;
            }

            if (line.StartsWith(SnapshotFormat.TablePrefix, StringComparison.Ordinal))
            {
                var name = line[SnapshotFormat.TablePrefix.Length..^1];
                if (!SnapshotText.IsValidKey(name))
                {
                    throw Error(lineNo, SnapshotFormat.TablePrefix.Length + 1, $"invalid table name '{Truncate(name)}'");
                }

                _tableName = name;
                _tableLine = lineNo;
                _columns = null;
                _rows = [];
                return Section.Table;
            }

            throw Error(lineNo, 1, $"unknown section '{Truncate(line)}'; expected [inputs], [settings], [metrics] or [table NAME]");
        }

        private void ReadHeader(string line, int lineNo)
        {
            var (key, value, _) = SplitKeyValue(line, lineNo);
            if (key is not ("format" or "scenario" or "tool" or "rounding"))
            {
                throw Error(lineNo, 1, $"unknown header key '{key}'; expected format, scenario, tool, rounding");
            }

            if (!_header.TryAdd(key, (value, lineNo)))
            {
                throw Error(lineNo, 1, $"header key '{key}' appears twice (first on line {Invariant(_header[key].Line)})");
            }

            if (key == "format" && value != SnapshotFormat.Version)
            {
                throw Error(lineNo, 10, $"format '{Truncate(value)}' is not supported; this PerfGate reads '{SnapshotFormat.Version}'");
            }

            if (key == "scenario")
            {
                ScenarioHint = value;
            }
        }

        private void RequireHeader(int lineNo)
        {
            foreach (var key in new[] { "format", "scenario", "tool", "rounding" })
            {
                if (!_header.ContainsKey(key))
                {
                    throw Error(lineNo, 1, $"header key '{key}' is missing before the first section");
                }
            }
        }

        private void ReadInput(string line, int lineNo)
        {
            var (key, value, column) = SplitKeyValue(line, lineNo);
            const string prefix = "sha256:";
            var hex = value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : null;
            if (hex is null || hex.Length != 64 || !hex.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            {
                throw Error(lineNo, column, $"input '{key}' must be 'sha256:' followed by 64 lowercase hex digits");
            }

            if (_inputs.Any(i => i.Path == key))
            {
                throw Error(lineNo, 1, $"input '{key}' appears twice");
            }

            _inputs.Add(new InputFileHash(key, hex));
            _inputLines.TryAdd(key, lineNo);
        }

        private void ReadSetting(string line, int lineNo)
        {
            var (key, value, column) = SplitKeyValue(line, lineNo);
            if (value.Length == 0 || value[0] != '"' || SnapshotText.Unquote(value, 0, out var text) != value.Length)
            {
                throw Error(lineNo, column, $"setting '{key}' must be one quoted text (\"...\")");
            }

            if (_settings.Any(s => s.Key == key))
            {
                throw Error(lineNo, 1, $"setting '{key}' appears twice");
            }

            _settings.Add(new(key, text));
            _settingLines[key] = lineNo;
        }

        private void ReadMetric(string line, int lineNo)
        {
            var (key, value, column) = SplitKeyValue(line, lineNo);
            var figure = FigureParser.ParseFigure(value, column, lineNo, allowUnit: true);
            if (!_figureLines.TryAdd(key, lineNo))
            {
                throw Error(lineNo, 1, $"metric '{key}' appears twice (first on line {Invariant(_figureLines[key])})");
            }

            _metrics.Add(new Metric(key, figure.Value, figure.Unit, figure.Direction));
        }

        private void ReadTableLine(string line, int lineNo)
        {
            var (key, value, column) = SplitKeyValue(line, lineNo);
            if (_columns is null)
            {
                if (key != "columns")
                {
                    throw Error(lineNo, 1, $"table '{_tableName}' must start with 'columns = ...'");
                }

                _columns = FigureParser.ParseColumns(value, column, lineNo);
                return;
            }

            if (_rows!.Any(r => r.Key == key))
            {
                throw Error(lineNo, 1, $"table '{_tableName}' has row '{key}' twice");
            }

            var cells = FigureParser.ParseCells(value, column, lineNo, _columns.Count);
            _rows!.Add(new SnapshotRow(key, cells));
            foreach (var c in _columns)
            {
                _figureLines[SnapshotTable.CellKey(_tableName!, key, c.Name)] = lineNo;
            }
        }

        private void FinishTable()
        {
            if (_tableName is null)
            {
                return;
            }

            if (_columns is null)
            {
                throw Error(_tableLine, 1, $"table '{_tableName}' has no 'columns = ...' line");
            }

            if (_tables.Any(t => t.Name == _tableName))
            {
                throw Error(_tableLine, 1, $"table '{_tableName}' appears twice");
            }

            _tables.Add(new SnapshotTable(_tableName, _columns, _rows!));
            _tableName = null;
        }

        private Snapshot BuildSnapshot(int lineCount)
        {
            RequireHeader(lineCount);
            var (rounding, roundingLine) = _header["rounding"];
            const string suffix = " significant digits";
            if (!rounding.EndsWith(suffix, StringComparison.Ordinal)
                || !int.TryParse(rounding[..^suffix.Length], NumberStyles.None, CultureInfo.InvariantCulture, out var digits)
                || digits is < SignificantDigits.Min or > SignificantDigits.Max)
            {
                throw Error(roundingLine, 12, $"rounding must read 'N significant digits' with N in {SignificantDigits.Min}..{SignificantDigits.Max}");
            }

            foreach (var figure in _metrics.Concat(_tables.SelectMany(t => t.Cells())))
            {
                if (figure.Value.IsNumber && SignificantDigits.Round(figure.Value.Number, digits) != figure.Value.Number)
                {
                    throw Error(_figureLines[figure.Key], 1, $"'{figure.Key}' = {figure.Value} has more than the stated {Invariant(digits)} significant digits");
                }
            }

            var (scenario, scenarioLine) = _header["scenario"];
            if (!SnapshotText.IsValidKey(scenario))
            {
                throw Error(scenarioLine, 12, $"scenario id '{Truncate(scenario)}' is not a valid id");
            }

            return new Snapshot
            {
                ScenarioId = scenario,
                ToolVersion = _header["tool"].Value,
                SignificantDigits = digits,
                Inputs = _inputs,
                Settings = _settings,
                Metrics = _metrics,
                Tables = _tables,
            };
        }

        /// <summary>The file must be exactly what the writer produces for what was read: catches hand edits that still parse.</summary>
        private static void EnsureCanonical(Snapshot snapshot, string[] lines, int count)
        {
            var expected = SnapshotWriter.Write(snapshot).Split('\n');
            var expectedCount = expected.Length - 1;
            for (var i = 0; i < Math.Max(count, expectedCount); i++)
            {
                var actual = i < count ? lines[i] : null;
                var wanted = i < expectedCount ? expected[i] : null;
                if (actual == wanted)
                {
                    continue;
                }

                if (wanted is null)
                {
                    throw Error(i + 1, 1, "unexpected text after the end of the snapshot");
                }

                if (actual is null)
                {
                    throw Error(i + 1, 1, $"the file ends early; expected '{Truncate(wanted)}'");
                }

                var column = 1;
                while (column <= actual.Length && column <= wanted.Length && actual[column - 1] == wanted[column - 1])
                {
                    column++;
                }

                throw Error(i + 1, column, $"line is not in the canonical form the writer produces (hand-edited?): found '{Truncate(actual)}', expected '{Truncate(wanted)}'");
            }
        }
    }
}
