namespace GradCheck;

/// <summary>
/// The cost threw while the checker evaluated it. The message names the point, such as
/// <c>W1[3,2] + h</c>; the cost's own exception is the <see cref="Exception.InnerException"/>.
/// Every parameter has been restored to its value before the check when this is thrown.
/// </summary>
public sealed class CostEvaluationException : Exception
{
    /// <summary>Creates the exception for a cost that threw at <paramref name="point"/>.</summary>
    /// <param name="point">Where the cost was evaluated, such as <c>W1[3,2] + h</c> or <c>the unperturbed parameters</c>.</param>
    /// <param name="innerException">What the cost threw.</param>
    public CostEvaluationException(string point, Exception innerException)
        : base($"The cost threw {innerException.GetType().Name} when evaluated at {point}: {innerException.Message}", innerException) =>
        Point = point;

    /// <summary>Where the cost was evaluated when it threw, such as <c>W1[3,2] + h</c>.</summary>
    public string Point { get; }
}
