using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PerfGate.Csv;

/// <summary>
/// Reads RFC 4180 records (comma-separated, fields optionally in double quotes with quotes doubled inside, line
/// breaks LF or CRLF, also inside quoted fields). Blanks around a field are dropped, blank lines skipped, and
/// <see cref="Line"/> gives the line each record starts on, for diagnostics.
/// Hand-written rather than CsvHelper: every CsvHelper reader, parser and writer needs a <c>CsvConfiguration</c>,
/// whose constructor reaches CsvHelper's reflection-based constructor lookup, which trimming and NativeAOT reject
/// (IL2070); the tables PerfGate reads are flat and small.
/// </summary>
public sealed class CsvRecordReader(TextReader reader)
{
    private readonly StringBuilder _field = new();
    private int _nextLine = 1;

    /// <summary>The 1-based line the record last returned by <see cref="TryRead"/> starts on.</summary>
    public int Line { get; private set; }

    public bool TryRead([NotNullWhen(true)] out string[]? record)
    {
        while (true)
        {
            Line = _nextLine;
            if (reader.Peek() < 0)
            {
                record = null;
                return false;
            }

            var fields = ReadRecord(out var blank);
            if (!blank)
            {
                record = fields;
                return true;
            }
        }
    }

    private string[] ReadRecord(out bool blank)
    {
        var fields = new List<string>();
        var quoted = false;
        var inQuotes = false;
        var sawText = false;
        _field.Clear();
        while (true)
        {
            var c = reader.Read();
            if (inQuotes)
            {
                if (c < 0)
                {
                    break; // an unterminated quote ends with the input
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _nextLine++;
                    }

                    _field.Append((char)c);
                }

                continue;
            }

            if (c < 0 || c == '\n' || (c == '\r' && (reader.Peek() != '\n' || reader.Read() == '\n')))
            {
                if (c >= 0)
                {
                    _nextLine++;
                }

                break;
            }

            if (c == ',')
            {
                fields.Add(Finish(quoted));
                quoted = false;
                sawText = true;
                continue;
            }

            if (c == '"' && !quoted && _field.ToString().Trim().Length == 0)
            {
                _field.Clear();
                quoted = inQuotes = true;
                sawText = true;
                continue;
            }

            sawText |= !char.IsWhiteSpace((char)c);
            if (!quoted || !char.IsWhiteSpace((char)c))
            {
                _field.Append((char)c); // text after a closing quote is kept, as most readers do
            }
        }

        fields.Add(Finish(quoted));
        blank = !sawText;
        return [.. fields];
    }

    private string Finish(bool quoted)
    {
        var text = quoted ? _field.ToString() : _field.ToString().Trim();
        _field.Clear();
        return text;
    }
}
