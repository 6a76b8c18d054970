namespace GradCheck.Comparison;

/// <summary>What the comparison of a and n needs besides the numbers themselves.</summary>
/// <param name="Tolerance">The pass rule.</param>
/// <param name="MachineEpsilon">ε of the element type, for the automatic rule's analytic round-off.</param>
/// <param name="KinksFail">Whether an entry at a kink fails even when its value is a valid subgradient.</param>
internal sealed record ComparisonRule(GradientTolerance Tolerance, double MachineEpsilon, bool KinksFail);
