namespace GradCheck.Jacobians;

/// <summary>How a Hessian-vector product was differentiated, for the report.</summary>
/// <param name="Step">h: the points are x + t v for t = ±h, ±2h, ±4h (±h for the two-point rule).</param>
/// <param name="RoundingShare">max|e| / max|v|: how far off v the rounded points lead the estimate, relatively.</param>
/// <param name="LargestRoundingEffect">The largest measured effect of that rounding on an entry, added to its e(n).</param>
/// <param name="Measured">Whether the rounding was measured (2 evaluations of g); false when every point was exact.</param>
internal sealed record DirectionalStep(double Step, double RoundingShare, double LargestRoundingEffect, bool Measured);
