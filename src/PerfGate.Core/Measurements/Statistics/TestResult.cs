namespace PerfGate.Measurements.Statistics;

/// <summary>A test's statistic (U, or t with its Welch-Satterthwaite degrees of freedom) and its p-value for the alternative asked.</summary>
public sealed record TestResult(string Test, double Statistic, double? DegreesOfFreedom, double PValue, bool Exact);
