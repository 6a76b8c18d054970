using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Differentiation;

namespace GradCheck.Nudging;

/// <summary>
/// What the re-check found at the point nudged off the ties, for each selected tensor: a there, and n
/// for the entries re-checked; or why it could not be made.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <param name="Analytic">For each selected tensor, a at the nudged point at the entries re-checked; null for a tensor with nothing to re-check, or when the re-check could not be made.</param>
/// <param name="Numerics">For each selected tensor, n at the nudged point for the entries re-checked; null as for <paramref name="Analytic"/>.</param>
/// <param name="NotMade">Why the re-check could not be made (the cost not finite at the nudged point); null when it was.</param>
internal sealed record NudgedMeasurement<T>(AnalyticGradient<T>?[] Analytic, NumericalGradient?[] Numerics, string? NotMade)
    where T : IFloatingPointIeee754<T>;
