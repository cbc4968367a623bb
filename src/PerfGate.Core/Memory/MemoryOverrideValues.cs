using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Memory;

/// <summary>
/// The rules for values a memory question takes from outside a scenario (a command line, the environment an engine
/// reads): the memory fraction (the engine's variable, e.g. NPU_MEMORY_FRACTION), its communication buffer variable
/// (HCCL_BUFFSIZE) and byte sizes. The environment is a function, so front ends and tests pass their own.
/// </summary>
public static class MemoryOverrideValues
{
    /// <summary>The most PerfGate reads of a memory input (MindIE's or the model's config.json): 16 MiB.</summary>
    public const long MaxInputBytes = 16 * PerfGate.Quantities.Bytes.MiB;

    /// <summary>--npu-memory-fraction, else (MindIE, outside a scenario) the NPU_MEMORY_FRACTION variable MindIE itself reads.</summary>
    public static double? Fraction(Func<string, string?> environment, string? option, string? variable, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var (text, source) = option is not null
            ? (option, "--npu-memory-fraction")
            : variable is not null && environment(variable) is { Length: > 0 } env ? (env, variable) : (null, null);
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
    public static Bytes? BufferFromEnvironment(Func<string, string?> environment, string variable, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (environment(variable) is not { Length: > 0 } env)
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

    /// <summary>A size such as "200 MiB" given to <paramref name="option"/>, or null (absent, or with a diagnostic).</summary>
    public static Bytes? Bytes(string? text, string option, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
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
