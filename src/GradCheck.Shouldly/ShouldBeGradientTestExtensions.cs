using System.ComponentModel;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using GradCheck.Reporting;
using Shouldly;

namespace GradCheck.Shouldly;

/// <summary>
/// <c>grad.ShouldBeGradientOf(cost, theta)</c> and <c>grads.ShouldBeGradientOf(() =&gt; net.Cost(X, Y), net.Parameters)</c>:
/// every entry of every tensor must be within the tolerance of a finite-difference estimate of the
/// cost's derivative. On failure the message opens with the caller's expression, then lists, per failing
/// tensor, its worst entries (the <see cref="GradientCheckReport"/> text).
/// </summary>
/// <remarks>
/// The pass rule, the numerical method and the report are the engine's (<see cref="GradientChecker"/>);
/// the parameters are perturbed in place and restored bit for bit. Mistakes in the input (gradient names
/// or shapes that do not match the parameters) throw <see cref="ArgumentException"/>, and a cost that
/// throws gives <see cref="CostEvaluationException"/>: neither is a verdict on the gradient.
/// </remarks>
[ShouldlyMethods]
[StackTraceHidden]
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ShouldBeGradientTestExtensions
{
    /// <summary>Asserts that <paramref name="actual"/> is the gradient of a pure cost of a flat vector at <paramref name="theta"/>.</summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <param name="actual">The analytic (backprop) gradient at theta, as long as theta.</param>
    /// <param name="cost">The cost; called on a copy of theta, which is never modified.</param>
    /// <param name="theta">The point at which to check.</param>
    /// <param name="customMessage">Words to show under <c>Additional Info:</c> on failure.</param>
    /// <param name="actualExpression">The caller's source text for <paramref name="actual"/>; filled in by the compiler.</param>
    /// <exception cref="ShouldAssertException">An entry is outside tolerance, or the cost cannot be checked.</exception>
    /// <exception cref="ArgumentException">The gradient's length does not match theta.</exception>
    public static void ShouldBeGradientOf<T>(
        this T[] actual,
        Func<T[], T> cost,
        T[] theta,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Flat(actual, cost, theta, GradientCheckOptions.Default).ShouldPass(customMessage, actualExpression);

    /// <summary>
    /// Asserts that <paramref name="actual"/> is the gradient of a pure cost of a flat vector at
    /// <paramref name="theta"/>, checked with <paramref name="options"/>, such as
    /// <c>new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-7) }</c>.
    /// </summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <param name="actual">The analytic (backprop) gradient at theta, as long as theta.</param>
    /// <param name="cost">The cost; called on a copy of theta, which is never modified.</param>
    /// <param name="theta">The point at which to check.</param>
    /// <param name="options">How to check: the tolerance, the difference method, the entries shown.</param>
    /// <param name="customMessage">Words to show under <c>Additional Info:</c> on failure.</param>
    /// <param name="actualExpression">The caller's source text for <paramref name="actual"/>; filled in by the compiler.</param>
    /// <exception cref="ShouldAssertException">An entry is outside tolerance, or the cost cannot be checked.</exception>
    /// <exception cref="ArgumentException">The gradient's length does not match theta.</exception>
    public static void ShouldBeGradientOf<T>(
        this T[] actual,
        Func<T[], T> cost,
        T[] theta,
        GradientCheckOptions options,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Flat(actual, cost, theta, options).ShouldPass(customMessage, actualExpression);

    /// <summary>
    /// Asserts that <paramref name="actual"/> holds the gradients of a cost that reads named tensors in
    /// place, such as a network's <c>W1</c>, <c>b1</c>, ...; gradients are keyed by the same names or by
    /// <c>dW1</c>, <c>db1</c>, ... .
    /// </summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <typeparam name="TParameter">The parameters' container type.</typeparam>
    /// <typeparam name="TGradient">The gradients' container type.</typeparam>
    /// <param name="actual">Name to analytic gradient, each with its parameter's shape.</param>
    /// <param name="cost">The cost, such as <c>() =&gt; net.Cost(X, Y)</c>; it reads the parameters on every call.</param>
    /// <param name="parameters">Name to container: <c>T[]</c>, <c>T[,]</c> (any rank), dense <c>Tensor&lt;T&gt;</c> or <c>Memory&lt;T&gt;</c>.</param>
    /// <param name="customMessage">Words to show under <c>Additional Info:</c> on failure.</param>
    /// <param name="actualExpression">The caller's source text for <paramref name="actual"/>; filled in by the compiler.</param>
    /// <exception cref="ShouldAssertException">An entry is outside tolerance, or the cost cannot be checked.</exception>
    /// <exception cref="ArgumentException">The gradient's names or shapes do not match the parameters.</exception>
    public static void ShouldBeGradientOf<T, TParameter, TGradient>(
        this IReadOnlyDictionary<string, TGradient> actual,
        Func<T> cost,
        IEnumerable<KeyValuePair<string, TParameter>> parameters,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Named(actual, cost, parameters, GradientCheckOptions.Default).ShouldPass(customMessage, actualExpression);

    /// <summary>
    /// Asserts that <paramref name="actual"/> holds the gradients of a cost that reads named tensors in
    /// place, checked with <paramref name="options"/>, such as
    /// <c>new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-7) }</c>.
    /// </summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <typeparam name="TParameter">The parameters' container type.</typeparam>
    /// <typeparam name="TGradient">The gradients' container type.</typeparam>
    /// <param name="actual">Name to analytic gradient (keyed <c>W1</c> or <c>dW1</c>), each with its parameter's shape.</param>
    /// <param name="cost">The cost, such as <c>() =&gt; net.Cost(X, Y)</c>; it reads the parameters on every call.</param>
    /// <param name="parameters">Name to container: <c>T[]</c>, <c>T[,]</c> (any rank), dense <c>Tensor&lt;T&gt;</c> or <c>Memory&lt;T&gt;</c>.</param>
    /// <param name="options">How to check: the tolerance, the difference method, the tensors, the entries shown.</param>
    /// <param name="customMessage">Words to show under <c>Additional Info:</c> on failure.</param>
    /// <param name="actualExpression">The caller's source text for <paramref name="actual"/>; filled in by the compiler.</param>
    /// <exception cref="ShouldAssertException">An entry is outside tolerance, or the cost cannot be checked.</exception>
    /// <exception cref="ArgumentException">The gradient's names or shapes do not match the parameters.</exception>
    public static void ShouldBeGradientOf<T, TParameter, TGradient>(
        this IReadOnlyDictionary<string, TGradient> actual,
        Func<T> cost,
        IEnumerable<KeyValuePair<string, TParameter>> parameters,
        GradientCheckOptions options,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Named(actual, cost, parameters, options).ShouldPass(customMessage, actualExpression);
}
