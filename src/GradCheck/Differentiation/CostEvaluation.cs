using System.Numerics;

namespace GradCheck.Differentiation;

/// <summary>
/// One evaluation of the cost at a point named in words (the given parameters, a worker's model, a point
/// along a direction): the check's cancellation is looked at first, and an exception of the cost comes
/// back as a <see cref="CostEvaluationException"/> naming the point. The per-entry loop uses
/// <see cref="CostProbe{T}"/> instead, which builds the entry's name only when the cost throws.
/// </summary>
internal static class CostEvaluation
{
    /// <summary>The cost, in double.</summary>
    /// <param name="cost">The cost.</param>
    /// <param name="point">Where it is evaluated, for the message if it throws.</param>
    /// <param name="cancellation">The check's cancellation token.</param>
    /// <exception cref="CostEvaluationException">The cost threw.</exception>
    /// <exception cref="OperationCanceledException">The check was cancelled, or the cost itself was.</exception>
    public static double At<T>(Func<T> cost, string point, CancellationToken cancellation)
        where T : IFloatingPointIeee754<T>
    {
        cancellation.ThrowIfCancellationRequested();
        try
        {
            return double.CreateTruncating(cost());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new CostEvaluationException(point, exception);
        }
    }
}
