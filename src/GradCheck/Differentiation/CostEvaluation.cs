using System.Numerics;

namespace GradCheck.Differentiation;

/// <summary>
/// The one place where the checker calls a user's function (the cost, a Jacobian's f, a layer's forward
/// or backward pass) such that an exception it throws comes back as a <see cref="CostEvaluationException"/>
/// naming the point, so that every check words a throwing function alike. Cancellation passes through
/// as it is, since it is the check stopping, not the function failing.
/// </summary>
internal static class CostEvaluation
{
    /// <summary>The cost, in double, after a look at the check's cancellation.</summary>
    /// <param name="cost">The cost.</param>
    /// <param name="point">Where it is evaluated, for the message if it throws.</param>
    /// <param name="cancellation">The check's cancellation token.</param>
    /// <exception cref="CostEvaluationException">The cost threw.</exception>
    /// <exception cref="OperationCanceledException">The check was cancelled, or the cost itself was.</exception>
    public static double At<T>(Func<T> cost, string point, CancellationToken cancellation)
        where T : IFloatingPointIeee754<T>
    {
        cancellation.ThrowIfCancellationRequested();
        return double.CreateTruncating(Call(cost, point));
    }

    /// <summary>Calls <paramref name="function"/>, naming <paramref name="point"/> if it throws.</summary>
    /// <param name="function">The user's function, or a call of it.</param>
    /// <param name="point">Where it is evaluated, such as <c>the given x</c>.</param>
    /// <param name="own">What else the call may throw that is the checker's own, and so is not wrapped.</param>
    /// <exception cref="CostEvaluationException">The function threw.</exception>
    public static TResult Call<TResult>(Func<TResult> function, string point, CheckersOwnExceptions own = CheckersOwnExceptions.None) =>
        Call(function, point, static text => text, own);

    /// <summary>
    /// Calls <paramref name="function"/>; only if it throws is the point named, from <paramref name="state"/>,
    /// so that a loop over many entries builds no label for those that do not throw.
    /// </summary>
    /// <param name="function">The user's function, or a call of it.</param>
    /// <param name="state">What <paramref name="describePoint"/> names the point from.</param>
    /// <param name="describePoint">The point in words, such as <c>W1[3,2] + h</c>; a static lambda, so nothing is allocated per call.</param>
    /// <param name="own">What else the call may throw that is the checker's own, and so is not wrapped.</param>
    /// <exception cref="CostEvaluationException">The function threw.</exception>
    public static TResult Call<TResult, TState>(
        Func<TResult> function,
        TState state,
        Func<TState, string> describePoint,
        CheckersOwnExceptions own = CheckersOwnExceptions.None)
    {
        try
        {
            return function();
        }
        catch (Exception exception) when (!IsCheckersOwn(exception, own))
        {
            throw new CostEvaluationException(describePoint(state), exception);
        }
    }

    private static bool IsCheckersOwn(Exception exception, CheckersOwnExceptions own) =>
        exception is OperationCanceledException
        || (exception is ArgumentException && own.HasFlag(CheckersOwnExceptions.ArgumentChecks))
        || (exception is CostEvaluationException && own.HasFlag(CheckersOwnExceptions.AlreadyWrapped));
}
