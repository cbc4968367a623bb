using System.Collections.Concurrent;
using System.Globalization;
using PerfGate.Csv;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Quantities;

namespace PerfGate.Estimation.Calibration;

/// <summary>
/// Reads measured tables (I/O, kept apart from the estimator). A reference is either
/// <c>embedded:NAME</c> (tables shipped inside PerfGate.Core, e.g. <c>embedded:h100-sxm</c>) or a folder
/// (relative to <c>baseDirectory</c>) holding the files of <see cref="CalibrationFiles"/> (gemm.csv, attention_decode.csv,
/// bandwidth.csv; attention_prefill.csv optional). Bad rows
/// and missing columns become <see cref="DiagnosticIds.BadCalibrationTable"/> diagnostics with file and line.
/// Embedded tables are parsed once per process.
/// </summary>
public static class CalibrationLoader
{
    public const string GemmFile = "gemm.csv";
    public const string AttentionFile = "attention_decode.csv";
    public const string BandwidthFile = "bandwidth.csv";
    public const string PrefillAttentionFile = "attention_prefill.csv";

    private const string ResourcePrefix = "PerfGate.Calibration.";
    private static readonly ConcurrentDictionary<string, CalibrationTables> Embedded = new(StringComparer.Ordinal);

    /// <summary>Names usable after <c>embedded:</c>.</summary>
    public static IReadOnlyList<string> EmbeddedNames { get; } = typeof(CalibrationLoader).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith("." + GemmFile, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^(GemmFile.Length + 1)])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// Loads the tables a reference names; null (with diagnostics added) when they cannot be read. A folder is read
    /// through <paramref name="files"/>, which only embedded tables may leave out.
    /// </summary>
    public static CalibrationTables? Load(string reference, string baseDirectory, ICollection<Diagnostic> diagnostics, SourceLocation location = default, IFileSystem? files = null)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (CalibrationReference.EmbeddedName(reference) is { } name)
        {
            if (Embedded.TryGetValue(name, out var cached))
            {
                return cached;
            }

            if (!EmbeddedNames.Contains(name, StringComparer.Ordinal))
            {
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticIds.EfficiencyDataMissing,
                    $"no embedded calibration tables named '{name}'; available: {string.Join(", ", EmbeddedNames.Select(CalibrationReference.Embedded))}, or a folder with {CalibrationFiles.Described}",
                    location));
                return null;
            }

            var loaded = Read(reference, file => OpenResource(name, file), diagnostics);
            return loaded is null ? null : Embedded.GetOrAdd(name, loaded);
        }

        ArgumentNullException.ThrowIfNull(files);
        var folder = Path.GetFullPath(Path.Combine(baseDirectory, reference));
        if (!files.DirectoryExists(folder))
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticIds.EfficiencyDataMissing,
                $"calibration folder '{reference}' does not exist; write a folder with {CalibrationFiles.Described}, or {CalibrationReference.EmbeddedPattern} ({string.Join(", ", EmbeddedNames)})",
                location));
            return null;
        }

        return Read(reference, file =>
        {
            var path = Path.Combine(folder, file);
            return files.FileExists(path) ? new StreamReader(new MemoryStream(files.ReadAllBytes(path))) : null;
        }, diagnostics, folder);
    }

    /// <summary>Parses the tables from readers (null reader: file missing; an error for a required file, an empty table for an optional one).</summary>
    public static CalibrationTables? Read(string source, Func<string, TextReader?> open, ICollection<Diagnostic> diagnostics, string? folder = null)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var before = diagnostics.Count(d => d.Severity == Severity.Error);
        string Display(string file) => folder is null ? $"{source}/{file}" : Path.Combine(folder, file);

        var gemm = ReadRows<GemmRow>(open, GemmFile, Display(GemmFile), diagnostics, [.. GemmColumns], ParseGemm);
        var attention = ReadRows<AttentionRow>(open, AttentionFile, Display(AttentionFile), diagnostics, [.. AttentionColumns], ParseAttention);
        var bandwidth = ReadRows<BandwidthRow>(open, BandwidthFile, Display(BandwidthFile), diagnostics, [.. BandwidthColumns], ParseBandwidth);
        var prefill = ReadRows<PrefillAttentionRow>(open, PrefillAttentionFile, Display(PrefillAttentionFile), diagnostics, [.. PrefillAttentionColumns], ParsePrefillAttention, mandatory: false);
        if (diagnostics.Count(d => d.Severity == Severity.Error) > before || gemm is null || attention is null || bandwidth is null || prefill is null)
        {
            return null;
        }

        return new CalibrationTables(source, new GemmTable(gemm), new AttentionTable(attention), new BandwidthTable(bandwidth), new PrefillAttentionTable(prefill));
    }

    private static TextReader? OpenResource(string name, string file)
    {
        var stream = typeof(CalibrationLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + "." + file);
        return stream is null ? null : new StreamReader(stream);
    }

    private delegate string? RowParser<T>(Func<string, string> field, out T row);

    private static List<T>? ReadRows<T>(Func<string, TextReader?> open, string file, string display, ICollection<Diagnostic> diagnostics, string[] expected, RowParser<T> parse, bool mandatory = true)
    {
        using var reader = open(file);
        if (reader is null)
        {
            if (!mandatory)
            {
                return [];
            }

            diagnostics.Add(Diagnostic.Error(DiagnosticIds.EfficiencyDataMissing, $"missing calibration table {file}; a calibration folder holds {CalibrationFiles.Described}", new SourceLocation(display)));
            return null;
        }

        var csv = new CsvRecordReader(reader);
        if (!csv.TryRead(out var header))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.BadCalibrationTable, $"{file} is empty; it needs a header with the columns {string.Join(",", expected)}", new SourceLocation(display, 1, 1)));
            return null;
        }

        var missing = expected.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToArray();
        if (missing.Length > 0)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticIds.BadCalibrationTable,
                $"{file} lacks the column(s) {string.Join(", ", missing)}; its header is '{string.Join(",", header)}', expected at least {string.Join(",", expected)}",
                new SourceLocation(display, 1, 1)));
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = header.Length - 1; i >= 0; i--)
        {
            columns[header[i]] = i; // the first column of a repeated name wins
        }

        var rows = new List<T>();
        var bad = false;
        while (csv.TryRead(out var record))
        {
            var line = csv.Line;
            var error = parse(name => columns.TryGetValue(name, out var i) && i < record.Length ? record[i] : string.Empty, out var row);
            if (error is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.BadCalibrationTable, $"{file}: {error}", new SourceLocation(display, line, 1)));
                bad = true;
                continue;
            }

            rows.Add(row);
        }

        if (!bad && rows.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.BadCalibrationTable, $"{file} has a header but no rows", new SourceLocation(display, 1, 1)));
            return null;
        }

        return bad ? null : rows;
    }

    private static string? ParseGemm(Func<string, string> field, out GemmRow row)
    {
        row = default;
        var dtypeText = field("dtype");
        if (!DataTypeExtensions.TryParse(dtypeText, out var type))
        {
            return $"dtype '{dtypeText}' is not one of {string.Join(", ", DataTypeExtensions.AllIds)}";
        }

        var e1 = Positive(field, "m", out var m);
        var e2 = Positive(field, "n", out var n);
        var e3 = Positive(field, "k", out var k);
        var e4 = PositiveReal(field, "time_us", out var t);
        var error = e1 ?? e2 ?? e3 ?? e4;
        if (error is not null)
        {
            return error;
        }

        row = new GemmRow(type, m, n, k, t);
        return null;
    }

    private static string? ParseAttention(Func<string, string> field, out AttentionRow row)
    {
        row = default;
        var e1 = Positive(field, "batch", out var b);
        var e2 = Positive(field, "q_heads", out var q);
        var e3 = Positive(field, "kv_heads", out var kv);
        var e4 = Positive(field, "head_dim", out var d);
        var e5 = Positive(field, "context", out var l);
        var e6 = PositiveReal(field, "time_us", out var t);
        var error = e1 ?? e2 ?? e3 ?? e4 ?? e5 ?? e6;
        if (error is not null)
        {
            return error;
        }

        if (q % kv != 0)
        {
            return $"q_heads {q} is not a multiple of kv_heads {kv}";
        }

        row = new AttentionRow((int)b, (int)q, (int)kv, (int)d, (int)l, t);
        return null;
    }

    private static string? ParsePrefillAttention(Func<string, string> field, out PrefillAttentionRow row)
    {
        row = default;
        var e1 = Positive(field, "q_heads", out var q);
        var e2 = Positive(field, "kv_heads", out var kv);
        var e3 = Positive(field, "head_dim", out var d);
        var e4 = Positive(field, "seq", out var s);
        var e5 = PositiveReal(field, "time_us", out var t);
        var error = e1 ?? e2 ?? e3 ?? e4 ?? e5;
        if (error is not null)
        {
            return error;
        }

        if (q % kv != 0)
        {
            return $"q_heads {q} is not a multiple of kv_heads {kv}";
        }

        row = new PrefillAttentionRow((int)q, (int)kv, (int)d, (int)s, t);
        return null;
    }

    /// <summary>The gemm.csv columns the loader reads (the collector writes them first).</summary>
    public static IReadOnlyList<string> GemmColumns { get; } = ["dtype", "m", "n", "k", "time_us"];

    /// <summary>The attention_decode.csv columns the loader reads.</summary>
    public static IReadOnlyList<string> AttentionColumns { get; } = ["batch", "q_heads", "kv_heads", "head_dim", "context", "time_us"];

    /// <summary>The attention_prefill.csv columns the loader reads.</summary>
    public static IReadOnlyList<string> PrefillAttentionColumns { get; } = ["q_heads", "kv_heads", "head_dim", "seq", "time_us"];

    /// <summary>The bandwidth.csv columns the loader reads.</summary>
    public static IReadOnlyList<string> BandwidthColumns { get; } = ["op", "bytes_moved", "time_us"];

    /// <summary>The <c>op</c> values of bandwidth.csv besides <c>all_reduce_N</c> (the collector writes exactly these).</summary>
    public static IReadOnlyList<string> BandwidthOps { get; } = ["copy", "read", "tiny_kernel", BandwidthTable.KernelChainOp];

    private static bool IsAllReduceOp(string op) =>
        op.StartsWith(BandwidthTable.AllReducePrefix, StringComparison.Ordinal)
        && int.TryParse(op.AsSpan(BandwidthTable.AllReducePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 2;

    private static string? ParseBandwidth(Func<string, string> field, out BandwidthRow row)
    {
        row = default;
        var op = field("op");
        if (!BandwidthOps.Contains(op) && !IsAllReduceOp(op))
        {
            return $"op '{op}' is not one of {string.Join(", ", BandwidthOps)}, {BandwidthTable.AllReducePrefix}N (N: cards in the group, 2 or more)";
        }

        var e1 = Positive(field, "bytes_moved", out var bytes);
        var e2 = PositiveReal(field, "time_us", out var t);
        var error = e1 ?? e2;
        if (error is not null)
        {
            return error;
        }

        row = new BandwidthRow(op, bytes, t);
        return null;
    }

    private static string? Positive(Func<string, string> field, string name, out long value)
    {
        var text = field(name);
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) || value <= 0)
        {
            value = 0;
            return $"column {name}: '{text}' is not a positive whole number";
        }

        return null;
    }

    private static string? PositiveReal(Func<string, string> field, string name, out double value)
    {
        var text = field(name);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value) || value <= 0)
        {
            value = 0;
            return $"column {name}: '{text}' is not a positive number (use '.' as the decimal separator)";
        }

        return null;
    }
}
