namespace GradCheck.Differentiation;

/// <summary>
/// The gradient a check reads where the user keeps it (<see cref="Comparison.AnalyticGradient{T}"/>)
/// changed while the check evaluated the cost: the values read may be those the cost wrote, not those
/// given. The check stops, and reports that the cost modified the gradient.
/// </summary>
internal sealed class GradientWrittenException(string tensor)
    : Exception($"the gradient given for {tensor} changed while the check evaluated the cost")
{
    /// <summary>The name of the parameter whose gradient changed.</summary>
    public string Tensor { get; } = tensor;
}
