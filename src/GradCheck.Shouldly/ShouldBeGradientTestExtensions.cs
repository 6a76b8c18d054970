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
/// tensor, its worst entries (the <see cref="GradientCheckReport"/> text). Each has its negative twin
/// beside it, <c>wrong.ShouldNotBeGradientOf(cost, theta)</c>, for planted bugs: it passes when at least
/// one entry is outside tolerance.
/// </summary>
/// <remarks>
/// The pass rule, the numerical method and the report are the engine's (<see cref="GradientChecker"/>);
/// the parameters are perturbed in place and restored bit for bit. Mistakes in the input (gradient names
/// or shapes that do not match the parameters) throw <see cref="ArgumentException"/>, and a cost that
/// throws gives <see cref="CostEvaluationException"/>: neither is a verdict on the gradient. A cost that
/// cannot be checked (NaN or infinite at the given point, not deterministic, modifying its parameters)
/// says nothing about the gradient, so it fails the positive and the negative assertion alike, with the
/// engine's reason.
/// </remarks>
// Each overload documents its parameters once; the others take them with <inheritdoc cref="..."/>,
// which IntelliSense and doc generators resolve but the compiler's CS1573 check does not see.
#pragma warning disable CS1573
[ShouldlyMethods]
[StackTraceHidden]
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ShouldBeGradientTestExtensions
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
        GradientAssertion<T>.Flat(actual, cost, theta, GradientCheckOptions.Default).Assert(negated: false, customMessage, actualExpression);

    /// <summary>Asserts that <paramref name="actual"/> is not the gradient of a pure cost of a flat vector at <paramref name="theta"/>.</summary>
    /// <inheritdoc cref="ShouldBeGradientOf{T}(T[], Func{T[], T}, T[], string, string)" />
    /// <param name="actual">A gradient at theta, as long as theta, that should be wrong.</param>
    /// <exception cref="ShouldAssertException">Every entry is within tolerance, or the cost cannot be checked.</exception>
    public static void ShouldNotBeGradientOf<T>(
        this T[] actual,
        Func<T[], T> cost,
        T[] theta,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Flat(actual, cost, theta, GradientCheckOptions.Default).Assert(negated: true, customMessage, actualExpression);

    /// <summary>
    /// Asserts that <paramref name="actual"/> is the gradient of a pure cost of a flat vector at
    /// <paramref name="theta"/>, checked with <paramref name="options"/>, such as
    /// <c>new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-7) }</c>.
    /// </summary>
    /// <inheritdoc cref="ShouldBeGradientOf{T}(T[], Func{T[], T}, T[], string, string)" />
    /// <param name="options">How to check: the tolerance, the difference method, the entries shown.</param>
    public static void ShouldBeGradientOf<T>(
        this T[] actual,
        Func<T[], T> cost,
        T[] theta,
        GradientCheckOptions options,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Flat(actual, cost, theta, options).Assert(negated: false, customMessage, actualExpression);

    /// <summary>
    /// Asserts that <paramref name="actual"/> is not the gradient of a pure cost of a flat vector at
    /// <paramref name="theta"/>, checked with <paramref name="options"/>.
    /// </summary>
    /// <inheritdoc cref="ShouldNotBeGradientOf{T}(T[], Func{T[], T}, T[], string, string)" />
    /// <param name="options">How to check: the tolerance, the difference method, the entries shown.</param>
    public static void ShouldNotBeGradientOf<T>(
        this T[] actual,
        Func<T[], T> cost,
        T[] theta,
        GradientCheckOptions options,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Flat(actual, cost, theta, options).Assert(negated: true, customMessage, actualExpression);
}
