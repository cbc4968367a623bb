namespace PerfGate.Gate;

/// <summary>What a tolerance fails on beyond its bound (<c>fail:</c> in perfgate.yaml's <c>tolerances:</c>).</summary>
public enum ToleranceFailOn
{
    /// <summary>Any change beyond the bound fails (the default).</summary>
    Any,

    /// <summary>Only a regression beyond the bound fails; an improvement passes with a notice in the reports.</summary>
    Regressions,
}
