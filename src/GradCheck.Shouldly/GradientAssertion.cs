using System.Diagnostics;
using System.Numerics;
using GradCheck.Reporting;
using Shouldly;

namespace GradCheck.Shouldly;

/// <summary>
/// One gradient assertion: the engine's target, the actual gradient and the options. It runs the
/// engine's check and, when the verdict is not the one asserted, throws Shouldly's
/// <see cref="ShouldAssertException"/> with the <see cref="GradientShouldlyMessage"/> text. The verdict
/// and every number come from the <see cref="GradientCheckReport"/>; nothing is computed here.
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
[StackTraceHidden]
internal sealed class GradientAssertion<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly GradientCheckTarget<T> target;
    private readonly Func<GradientCheckReport> check;
    private readonly GradientCheckOptions options;

    private GradientAssertion(GradientCheckTarget<T> target, Func<GradientCheckReport> check, GradientCheckOptions options)
    {
        this.target = target;
        this.check = check;
        this.options = options;
    }

    /// <summary>A gradient vector checked against a pure cost of a flat vector at theta.</summary>
    public static GradientAssertion<T> Flat(T[] actual, Func<T[], T> cost, T[] theta, GradientCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(options);
        GradientCheckTarget<T> target = GradientCheckTarget<T>.Flat(cost, theta);
        return new GradientAssertion<T>(target, () => target.Check(actual, options), options);
    }

    /// <summary>A dictionary of gradients checked against a cost that reads named tensors in place.</summary>
    public static GradientAssertion<T> Named<TParameter, TGradient>(
        IReadOnlyDictionary<string, TGradient> actual,
        Func<T> cost,
        IEnumerable<KeyValuePair<string, TParameter>> parameters,
        GradientCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(options);
        GradientCheckTarget<T> target = GradientCheckTarget<T>.Named(cost, parameters);
        return new GradientAssertion<T>(target, () => target.Check(actual, options), options);
    }

    /// <summary>
    /// Throws unless the verdict is the one asserted: a pass, or with <paramref name="negated"/> a failure
    /// entry by entry. A cost that cannot be checked (NaN, not deterministic, modifying its parameters) is
    /// no evidence that the gradient is right or wrong, so it throws either way.
    /// </summary>
    /// <param name="negated">True for <c>ShouldNotBeGradientOf</c>.</param>
    /// <param name="customMessage">The caller's own words; null for none.</param>
    /// <param name="actualExpression">The caller's expression for the gradient; null when unknown.</param>
    /// <exception cref="ShouldAssertException">The verdict is not the one asserted, or the cost cannot be checked.</exception>
    public void Assert(bool negated, string? customMessage, string? actualExpression)
    {
        GradientCheckReport report;
        try
        {
            report = check();
        }
        catch (ArgumentException error) when (InputError.ThrownBy(error, typeof(GradientCheckReport).Assembly, typeof(GradientAssertion<>).Assembly))
        {
            // Bad input starts its stack trace at the caller's ShouldBeGradientOf, not inside the checker.
            throw InputError.Rethrown(error);
        }

        bool asserted = negated ? !report.Passed && report.Obstacles.Count == 0 : report.Passed;
        if (!asserted)
        {
            throw new ShouldAssertException(Message(negated, report, customMessage, actualExpression));
        }
    }

    private string Message(bool negated, GradientCheckReport report, string? customMessage, string? actualExpression) =>
        GradientShouldlyMessage.Create(actualExpression, negated, target.Describe(options.Tensors), report, customMessage);
}
