namespace PerfGate.Diagnostics;

/// <summary>
/// Stable diagnostic ids. Ranges: PG1xxx gate results (drift), PG2xxx input loading and schema,
/// PG3xxx decode estimation, PG4xxx memory budget, PG5xxx reports and measurements, PG6xxx MSBuild integration,
/// PG9xxx internal.
/// Ids are never reused; add new ones at the end of a range.
/// </summary>
public static class DiagnosticIds
{
    // PG1xxx: the gate
    public const string Drift = "PG1001";
    public const string NewScenario = "PG1002";
    public const string RemovedScenario = "PG1003";
    public const string CorruptBaseline = "PG1004";
    public const string ApproveInterrupted = "PG1005";
    public const string ApproveRefusedOnCi = "PG1006";
    public const string ReceivedNotWritable = "PG1007";

    /// <summary>A notice: results equal the baseline but its recorded input hashes are stale; approve refreshes them.</summary>
    public const string StaleProvenance = "PG1008";

    /// <summary>Another perfgate run holds the baselines folder's lock: approve is refused, nothing is written.</summary>
    public const string BaselinesLocked = "PG1009";

    // PG2xxx: loading input
    public const string YamlSyntax = "PG2001";
    public const string UnknownKey = "PG2002";
    public const string MissingField = "PG2003";
    public const string WrongType = "PG2004";
    public const string InvalidValue = "PG2005";
    public const string BadUnit = "PG2006";
    public const string DuplicateId = "PG2007";
    public const string UnknownReference = "PG2008";
    public const string MissingSource = "PG2009";
    public const string FileNotFound = "PG2010";
    public const string HostileInput = "PG2011";
    public const string PathEscapesWorkspace = "PG2012";
    public const string UnknownKind = "PG2013";
    public const string InvalidSetting = "PG2014";
    public const string DuplicateKey = "PG2015";
    public const string OverridesBuiltIn = "PG2016";
    public const string OutputNotWritable = "PG2017";
    public const string FigureLeftAtDefault = "PG2021";
    public const string AcceptedDifferenceExpired = "PG2022";

    /// <summary>Warning: a catalog field that no estimate reads (hardware 'sram', 'fp8LowAccumulationPrecision', 'threadAllReduceLatency') is ignored; delete it.</summary>
    public const string RetiredField = "PG2023";

    // PG3xxx: decode estimation
    public const string InvalidParallelism = "PG3001";
    public const string DoesNotFit = "PG3002";
    public const string EfficiencyDataMissing = "PG3003";
    public const string InvalidDecodeSetting = "PG3004";
    public const string MissingLink = "PG3005";
    public const string UnsupportedDataType = "PG3006";
    public const string BadCalibrationTable = "PG3007";

    // PG302x: prefill and time to first token
    public const string InvalidPrefillSetting = "PG3020";
    public const string PromptExceedsContextWindow = "PG3021";

    // PG4xxx: memory budget
    public const string OutOfMemoryRisk = "PG4001";
    public const string PreemptionRisk = "PG4002";
    public const string EngineParameterOutOfRange = "PG4003";
    public const string DocumentationDisagreesWithCode = "PG4004";
    public const string MindieConfigSyntax = "PG4005";
    public const string ModelDoesNotFit = "PG4006";

    // PG51xx: measured benchmark reports (Measurements/)
    public const string MeasuredSyntax = "PG5101";
    public const string MeasuredUnknownFormat = "PG5102";
    public const string MeasuredMissingField = "PG5103";
    public const string MeasuredInvalidValue = "PG5104";
    public const string MeasuredNoRuns = "PG5105";
    public const string MeasuredNotComparable = "PG5106";
    public const string MeasuredRegression = "PG5107";
    public const string MeasuredGateUnknown = "PG5108";
    public const string MeasuredBaselineMissing = "PG5109";

    // PG52xx: shard reports (perfgate merge)
    public const string ShardReportSyntax = "PG5201";
    public const string ShardReportMismatch = "PG5202";

    // PG6xxx: MSBuild integration (PerfGate.MSBuild mirrors these in TaskDiagnosticIds; it cannot load this assembly)
    public const string MSBuildToolNotFound = "PG6001";
    public const string MSBuildTooOld = "PG6002";
    public const string MSBuildToolFailed = "PG6003";

    // PG9xxx: internal
    public const string InternalError = "PG9001";

    /// <summary>
    /// Errors that are findings about a valid plan (it does not fit, it risks OOM or preemption), not bad input:
    /// exit code 1 like drift, where every other error is exit code 2.
    /// </summary>
    public static IReadOnlyList<string> Findings { get; } = [DoesNotFit, OutOfMemoryRisk, PreemptionRisk, ModelDoesNotFit];
}
