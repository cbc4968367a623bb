using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Memory;
using PerfGate.Memory.Engines;

namespace PerfGate.Run;

public static partial class MemoryRun
{
    /// <summary>
    /// The arguments' settings applied over whatever the request came from (a scenario, a MindIE config); a setting given
    /// here points its findings at the command line. Outside a scenario (<paramref name="fromEnvironment"/>) the engine's
    /// variables fill what the arguments leave out. Null when a value is bad (with the diagnostic).
    /// </summary>
    private static Func<MemoryRequest, MemoryRequest>? Overrides(Context q, IEngineConvention engine, bool fromEnvironment)
    {
        var (a, diagnostics) = (q.Arguments, q.Diagnostics);
        var fraction = MemoryOverrideValues.Fraction(q.Environment, a.MemoryFraction, fromEnvironment ? engine.MemoryFractionVariable : null, diagnostics);
        var buffer = a.HcclBuffSize is not null
            ? MemoryOverrideValues.Bytes(a.HcclBuffSize, "--hccl-buffsize", diagnostics)
            : fromEnvironment && engine.CommunicationBufferVariable is { } variable ? MemoryOverrideValues.BufferFromEnvironment(q.Environment, variable, diagnostics) : null;
        var system = MemoryOverrideValues.Bytes(a.SystemReserved, "--system-reserved", diagnostics);

        // A degree given on the command line is the command line's mistake, not the config file's it overrides.
        foreach (var (option, value) in new[] { ("--cards", a.Cards), ("--tp", a.Tp), ("--dp", a.Dp), ("--ep", a.Ep) })
        {
            if (value is < 1)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, string.Create(CultureInfo.InvariantCulture, $"{option} {value}: give 1 or more"), SourceLocation.None));
            }
        }

        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return null;
        }

        return request =>
        {
            var locations = new Dictionary<string, SourceLocation>(request.KeyLocations, StringComparer.Ordinal);
            T? Pick<T>(T? option, T? current, string key)
                where T : struct
            {
                if (option is null)
                {
                    return current;
                }

                locations[key] = SourceLocation.None;
                return option;
            }

            var parallel = (a.Tp ?? a.Dp ?? a.Ep ?? a.Cards) is not null ? Parallelism(a, request.Parallelism) : request.Parallelism;
            return request with
            {
                Parallelism = parallel,
                NpuMemSize = Pick(a.NpuMemSize, request.NpuMemSize, "npuMemSize"),
                MemoryFraction = Pick(fraction, request.MemoryFraction, "memoryFraction"),
                CacheBlockSize = Pick(a.CacheBlockSize, request.CacheBlockSize, "cacheBlockSize"),
                MaxSeqLen = Pick(a.MaxSeqLen, request.MaxSeqLen, "maxSeqLen"),
                MaxInputTokenLen = Pick(a.MaxInputTokenLen, request.MaxInputTokenLen, "maxInputTokenLen"),
                MaxIterTimes = Pick(a.MaxIterTimes, request.MaxIterTimes, "maxIterTimes"),
                MaxPrefillTokens = Pick(a.MaxPrefillTokens, request.MaxPrefillTokens, "maxPrefillTokens"),
                MaxPrefillBatchSize = Pick(a.MaxPrefillBatchSize, request.MaxPrefillBatchSize, "maxPrefillBatchSize"),
                MaxBatchSize = Pick(a.MaxBatchSize, request.MaxBatchSize, "maxBatchSize"),
                SpeculativeTokens = a.SpeculativeTokens ?? request.SpeculativeTokens,
                InputTokens = a.InputTokens ?? request.InputTokens,
                OutputTokens = a.OutputTokens ?? request.OutputTokens,
                CommunicationBufferSize = buffer ?? request.CommunicationBufferSize,
                SystemReserved = system ?? request.SystemReserved,
                KeyLocations = locations,
            };
        };
    }

    /// <summary>The degrees given, over <paramref name="from"/>'s: tp defaults to the cards, dp and ep to 1, the cards to tp x dp.</summary>
    private static MemoryParallelism Parallelism(MemoryArguments a, MemoryParallelism? from)
    {
        var tp = a.Tp ?? from?.Tp ?? a.Cards ?? 1;
        var dp = a.Dp ?? from?.Dp ?? 1;
        var cards = a.Cards ?? from?.Cards ?? (int)Math.Min((long)tp * dp, int.MaxValue);
        var ep = a.Ep ?? from?.MoeEp ?? 1;
        return new MemoryParallelism(cards, tp, dp, 0, ep);
    }
}
