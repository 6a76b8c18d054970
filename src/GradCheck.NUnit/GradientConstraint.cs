using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Reporting;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// Succeeds when the actual value is the gradient of the cost: every entry of every tensor within the
/// tolerance of a finite-difference estimate. On failure the message lists, per failing tensor, its
/// worst entries (the <see cref="GradientCheckReport"/> text).
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
public sealed class GradientConstraint<T> : Constraint
    where T : IFloatingPointIeee754<T>
{
    private readonly GradientCheckTarget<T> target;
    private readonly ConstraintModifiers modifiers = new("a gradient constraint");

    private GradientConstraint(GradientCheckTarget<T> target)
        : base(target.Description) => this.target = target;

    /// <inheritdoc />
    public override string Description =>
        $"gradient of the cost with respect to {target.Describe(modifiers.Options.Tensors)}, each entry {modifiers.Options.Tolerance}";

    /// <summary>
    /// Holds every entry to <c>|a - n| &lt;= tolerance + tolerance * max(|a|, |n|)</c>, instead of the
    /// element type's default: relative for large entries, absolute for entries near 0.
    /// </summary>
    /// <param name="tolerance">Both the absolute and the relative part of the rule.</param>
    /// <exception cref="InvalidOperationException">A tolerance was already given.</exception>
    public GradientConstraint<T> Within(double tolerance)
    {
        modifiers.Within(GradientTolerance.Within(tolerance));
        return this;
    }

    /// <summary>Holds every entry to <c>|a - n| &lt;= absolute + relative * max(|a|, |n|)</c>.</summary>
    /// <param name="absolute">The absolute part of the rule (atol).</param>
    /// <param name="relative">The relative part of the rule (rtol).</param>
    /// <exception cref="InvalidOperationException">A tolerance was already given.</exception>
    public GradientConstraint<T> Within(double absolute, double relative)
    {
        modifiers.Within(GradientTolerance.Within(absolute, relative));
        return this;
    }

    /// <summary>Runs the check with these options (a <c>Within</c> given before or after still applies).</summary>
    /// <param name="checkOptions">The options, such as <c>new GradientCheckOptions { WorstEntriesShown = 20 }</c>.</param>
    public GradientConstraint<T> WithOptions(GradientCheckOptions checkOptions)
    {
        modifiers.With(checkOptions);
        return this;
    }

    /// <inheritdoc />
    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        GradientCheckReport report = target.Check(actual!, modifiers.Options);
        return new GradientConstraintResult(this, actual, report);
    }

    /// <summary>The constraint for a <c>[GradientCheck]</c> case: the problem's target, options and one tensor.</summary>
    internal static GradientConstraint<T> ForTensor(GradientCheckTarget<T> target, GradientCheckOptions options, string tensor) =>
        new GradientConstraint<T>(target).WithOptions(options with { Tensors = [tensor] });

    internal static GradientConstraint<T> Create(GradientCheckTarget<T> target, ConstraintExpression? expression)
    {
        var constraint = new GradientConstraint<T>(target);
        return expression is null ? constraint : expression.Append(constraint);
    }
}
