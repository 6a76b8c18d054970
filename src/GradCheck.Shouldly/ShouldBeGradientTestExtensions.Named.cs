using System.Numerics;
using System.Runtime.CompilerServices;
using Shouldly;

namespace GradCheck.Shouldly;

// Each overload documents its parameters once; the others take them with <inheritdoc cref="..."/>,
// which IntelliSense and doc generators resolve but the compiler's CS1573 check does not see.
#pragma warning disable CS1573
/// <summary>The assertions on the gradients of a cost that reads named tensors in place, such as a network's.</summary>
public static partial class ShouldBeGradientTestExtensions
{
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
        GradientAssertion<T>.Named(actual, cost, parameters, GradientCheckOptions.Default).Assert(negated: false, customMessage, actualExpression);

    /// <summary>
    /// Asserts that <paramref name="actual"/> does not hold the gradients of a cost that reads named
    /// tensors in place: at least one entry of one tensor is outside tolerance.
    /// </summary>
    /// <inheritdoc cref="ShouldBeGradientOf{T, TParameter, TGradient}(IReadOnlyDictionary{string, TGradient}, Func{T}, IEnumerable{KeyValuePair{string, TParameter}}, string, string)" />
    /// <param name="actual">Name to gradient (keyed <c>W1</c> or <c>dW1</c>), each with its parameter's shape.</param>
    /// <exception cref="ShouldAssertException">Every entry is within tolerance, or the cost cannot be checked.</exception>
    public static void ShouldNotBeGradientOf<T, TParameter, TGradient>(
        this IReadOnlyDictionary<string, TGradient> actual,
        Func<T> cost,
        IEnumerable<KeyValuePair<string, TParameter>> parameters,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Named(actual, cost, parameters, GradientCheckOptions.Default).Assert(negated: true, customMessage, actualExpression);

    /// <summary>
    /// Asserts that <paramref name="actual"/> holds the gradients of a cost that reads named tensors in
    /// place, checked with <paramref name="options"/>, such as
    /// <c>new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-7) }</c>.
    /// </summary>
    /// <inheritdoc cref="ShouldBeGradientOf{T, TParameter, TGradient}(IReadOnlyDictionary{string, TGradient}, Func{T}, IEnumerable{KeyValuePair{string, TParameter}}, string, string)" />
    /// <param name="actual">Name to analytic gradient (keyed <c>W1</c> or <c>dW1</c>), each with its parameter's shape.</param>
    /// <param name="options">How to check: the tolerance, the difference method, the tensors, the entries shown.</param>
    public static void ShouldBeGradientOf<T, TParameter, TGradient>(
        this IReadOnlyDictionary<string, TGradient> actual,
        Func<T> cost,
        IEnumerable<KeyValuePair<string, TParameter>> parameters,
        GradientCheckOptions options,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Named(actual, cost, parameters, options).Assert(negated: false, customMessage, actualExpression);

    /// <summary>
    /// Asserts that <paramref name="actual"/> does not hold the gradients of a cost that reads named
    /// tensors in place, checked with <paramref name="options"/>.
    /// </summary>
    /// <inheritdoc cref="ShouldNotBeGradientOf{T, TParameter, TGradient}(IReadOnlyDictionary{string, TGradient}, Func{T}, IEnumerable{KeyValuePair{string, TParameter}}, string, string)" />
    /// <param name="options">How to check: the tolerance, the difference method, the tensors, the entries shown.</param>
    public static void ShouldNotBeGradientOf<T, TParameter, TGradient>(
        this IReadOnlyDictionary<string, TGradient> actual,
        Func<T> cost,
        IEnumerable<KeyValuePair<string, TParameter>> parameters,
        GradientCheckOptions options,
        string? customMessage = null,
        [CallerArgumentExpression(nameof(actual))] string? actualExpression = null)
        where T : IFloatingPointIeee754<T> =>
        GradientAssertion<T>.Named(actual, cost, parameters, options).Assert(negated: true, customMessage, actualExpression);
}
