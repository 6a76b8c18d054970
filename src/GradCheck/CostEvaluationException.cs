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
        : base(Describe(point, innerException), innerException) =>
        Point = point;

    /// <summary>For a function that is not the cost (a layer's forward or backward pass): the message names it, such as <c>The backward pass threw ...</c>.</summary>
    /// <param name="point">Where it was called, such as <c>the backward pass</c>.</param>
    /// <param name="innerException">What it threw.</param>
    /// <param name="message">The message, naming what threw.</param>
    internal CostEvaluationException(string point, Exception innerException, string message)
        : base(message, innerException) =>
        Point = point;

    /// <summary>Where the cost was evaluated when it threw, such as <c>W1[3,2] + h</c>.</summary>
    public string Point { get; }

    /// <summary>The message, with the guards: it is computed before the base constructor runs, and reads both arguments.</summary>
    private static string Describe(string point, Exception innerException)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(innerException);
        return $"The cost threw {innerException.GetType().Name} when evaluated at {point}: {innerException.Message}";
    }
}
