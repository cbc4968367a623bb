using System.Globalization;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Cli.Commands;

/// <summary>The I/O and environment edge of <c>perfgate memory</c>: reading inputs with a size limit, NPU_MEMORY_FRACTION and HCCL_BUFFSIZE.</summary>
internal static class MemoryFiles
{
    public const long MaxInputBytes = 16 * PerfGate.Quantities.Bytes.MiB;

    /// <summary>An input of <c>perfgate memory</c> (MindIE's or the model's config.json), at most 16 MiB.</summary>
    public static byte[]? Read(CliContext context, string path, string purpose, List<Diagnostic> diagnostics) =>
        InputFile.ReadBytes(context, path, purpose, MaxInputBytes, diagnostics);

    /// <summary>--npu-memory-fraction, else (MindIE, outside a scenario) the NPU_MEMORY_FRACTION variable MindIE itself reads.</summary>
    public static double? Fraction(CliContext context, string? option, string? variable, List<Diagnostic> diagnostics)
    {
        var (text, source) = option is not null
            ? (option, "--npu-memory-fraction")
            : variable is not null && context.GetEnvironmentVariable(variable) is { Length: > 0 } env ? (env, variable) : (null, null);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0 && f <= 1)
        {
            return f;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticIds.EngineParameterOutOfRange, $"{source} '{text}' must be a number in (0, 1] written with '.', e.g. 0.8", SourceLocation.None));
        return null;
    }

    /// <summary>The engine's buffer-size variable (HCCL_BUFFSIZE): a whole number of MB (HCCL's MB are MiB).</summary>
    public static Bytes? BufferFromEnvironment(CliContext context, string variable, List<Diagnostic> diagnostics)
    {
        if (context.GetEnvironmentVariable(variable) is not { Length: > 0 } env)
        {
            return null;
        }

        if (int.TryParse(env, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb >= 1)
        {
            return new Bytes(mb * PerfGate.Quantities.Bytes.MiB);
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{variable} '{env}' must be a whole number of MB (>= 1), e.g. 200", SourceLocation.None));
        return null;
    }

    public static Bytes? Bytes(string? text, string option, List<Diagnostic> diagnostics)
    {
        if (text is null)
        {
            return null;
        }

        if (QuantityParser.TryParseBytes(text, out var value, out var error))
        {
            return value;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticIds.BadUnit, $"{option}: {error}", SourceLocation.None));
        return null;
    }
}
