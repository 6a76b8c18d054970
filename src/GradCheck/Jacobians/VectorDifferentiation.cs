namespace GradCheck.Jacobians;

/// <summary>How a vector-valued function was differentiated, for the report.</summary>
/// <param name="Step">The relative step the report names.</param>
/// <param name="Evaluations">Where the function was evaluated and why, in words: what the report writes after the count of evaluations (<see cref="Reporting.CheckSubject.Evaluations"/>).</param>
/// <param name="Directional">For a derivative along a direction, the step along it and the rounding of its points; null otherwise.</param>
internal sealed record VectorDifferentiation(double Step, string Evaluations, DirectionalStep? Directional = null);
