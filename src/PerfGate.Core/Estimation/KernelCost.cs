using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>The time of one kernel, where it came from and what bounds it.</summary>
public readonly record struct KernelCost(Duration Time, Bound Bound, EfficiencyOrigin Origin, double Efficiency);
