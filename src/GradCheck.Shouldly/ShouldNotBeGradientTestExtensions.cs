using System.ComponentModel;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using Shouldly;

namespace GradCheck.Shouldly;

/// <summary>
/// <c>wrong.ShouldNotBeGradientOf(cost, theta)</c>: the twin of
/// <see cref="ShouldBeGradientTestExtensions"/> for planted bugs, which passes when at least one entry
/// is outside tolerance.
/// </summary>
/// <remarks>
/// A cost that cannot be checked (NaN or infinite at the given point, not deterministic, modifying its
/// parameters) says nothing about the gradient, so it fails this assertion too, with the engine's
/// reason. Mismatched names or shapes throw <see cref="ArgumentException"/>, as for
/// <c>ShouldBeGradientOf</c>.
/// </remarks>
[ShouldlyMethods]
[StackTraceHidden]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ShouldNotBeGradientTestExtensions
{
    /// <summary>Asserts that <paramref name="actual"/> is not the gradient of a pure cost of a flat vector at <paramref name="theta"/>.</summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <param name="actual">A gradient at theta, as long as theta, that should be wrong.</param>
    /// <param name="cost">The cost; called on a copy of theta, which is never modified.</param>
    /// <param name="theta">The point at which to check.</param>
    /// <param name="customMessage">Words to show under <c>Additional Info:</c> on failure.</param>
    /// <param name="actualExpression">The caller's source text for <paramref name="actual"/>; filled in by the compiler.</param>
    /// <exception cref="ShouldAssertException">Every entry is within tolerance, or the cost cannot be checked.</exception>
    /// <exception cref="ArgumentException">The gradient's length does not match theta.</exception>
    public static void ShouldNotBeGradientOf<T>(
        this T[] actual,
        Func<T[], T> cost,
        T[] theta,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Flat(actual, cost, theta, GradientCheckOptions.Default).ShouldFail(customMessage, actualExpression);

    /// <summary>
    /// Asserts that <paramref name="actual"/> is not the gradient of a pure cost of a flat vector at
    /// <paramref name="theta"/>, checked with <paramref name="options"/>.
    /// </summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <param name="actual">A gradient at theta, as long as theta, that should be wrong.</param>
    /// <param name="cost">The cost; called on a copy of theta, which is never modified.</param>
    /// <param name="theta">The point at which to check.</param>
    /// <param name="options">How to check: the tolerance, the difference method, the entries shown.</param>
    /// <param name="customMessage">Words to show under <c>Additional Info:</c> on failure.</param>
    /// <param name="actualExpression">The caller's source text for <paramref name="actual"/>; filled in by the compiler.</param>
    /// <exception cref="ShouldAssertException">Every entry is within tolerance, or the cost cannot be checked.</exception>
    /// <exception cref="ArgumentException">The gradient's length does not match theta.</exception>
    public static void ShouldNotBeGradientOf<T>(
        this T[] actual,
        Func<T[], T> cost,
        T[] theta,
        GradientCheckOptions options,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Flat(actual, cost, theta, options).ShouldFail(customMessage, actualExpression);

    /// <summary>
    /// Asserts that <paramref name="actual"/> does not hold the gradients of a cost that reads named
    /// tensors in place: at least one entry of one tensor is outside tolerance.
    /// </summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <typeparam name="TParameter">The parameters' container type.</typeparam>
    /// <typeparam name="TGradient">The gradients' container type.</typeparam>
    /// <param name="actual">Name to gradient (keyed <c>W1</c> or <c>dW1</c>), each with its parameter's shape.</param>
    /// <param name="cost">The cost, such as <c>() =&gt; net.Cost(X, Y)</c>; it reads the parameters on every call.</param>
    /// <param name="parameters">Name to container: <c>T[]</c>, <c>T[,]</c> (any rank), dense <c>Tensor&lt;T&gt;</c> or <c>Memory&lt;T&gt;</c>.</param>
    /// <param name="customMessage">Words to show under <c>Additional Info:</c> on failure.</param>
    /// <param name="actualExpression">The caller's source text for <paramref name="actual"/>; filled in by the compiler.</param>
    /// <exception cref="ShouldAssertException">Every entry is within tolerance, or the cost cannot be checked.</exception>
    /// <exception cref="ArgumentException">The gradient's names or shapes do not match the parameters.</exception>
    public static void ShouldNotBeGradientOf<T, TParameter, TGradient>(
        this IReadOnlyDictionary<string, TGradient> actual,
        Func<T> cost,
        IEnumerable<KeyValuePair<string, TParameter>> parameters,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Named(actual, cost, parameters, GradientCheckOptions.Default).ShouldFail(customMessage, actualExpression);

    /// <summary>
    /// Asserts that <paramref name="actual"/> does not hold the gradients of a cost that reads named
    /// tensors in place, checked with <paramref name="options"/>.
    /// </summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <typeparam name="TParameter">The parameters' container type.</typeparam>
    /// <typeparam name="TGradient">The gradients' container type.</typeparam>
    /// <param name="actual">Name to gradient (keyed <c>W1</c> or <c>dW1</c>), each with its parameter's shape.</param>
    /// <param name="cost">The cost, such as <c>() =&gt; net.Cost(X, Y)</c>; it reads the parameters on every call.</param>
    /// <param name="parameters">Name to container: <c>T[]</c>, <c>T[,]</c> (any rank), dense <c>Tensor&lt;T&gt;</c> or <c>Memory&lt;T&gt;</c>.</param>
    /// <param name="options">How to check: the tolerance, the difference method, the tensors, the entries shown.</param>
    /// <param name="customMessage">Words to show under <c>Additional Info:</c> on failure.</param>
    /// <param name="actualExpression">The caller's source text for <paramref name="actual"/>; filled in by the compiler.</param>
    /// <exception cref="ShouldAssertException">Every entry is within tolerance, or the cost cannot be checked.</exception>
    /// <exception cref="ArgumentException">The gradient's names or shapes do not match the parameters.</exception>
    public static void ShouldNotBeGradientOf<T, TParameter, TGradient>(
        this IReadOnlyDictionary<string, TGradient> actual,
        Func<T> cost,
        IEnumerable<KeyValuePair<string, TParameter>> parameters,
        GradientCheckOptions options,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Named(actual, cost, parameters, options).ShouldFail(customMessage, actualExpression);
}
