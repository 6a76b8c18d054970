using System.Diagnostics;
using System.Numerics;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// <c>Is.GradientOf(cost)</c> for a cost of a flat vector, waiting for the point: <c>.At(theta)</c>.
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
[StackTraceHidden]
public sealed class FlatGradientConstraintBuilder<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Func<T[], T> cost;
    private readonly ConstraintExpression? expression;

    internal FlatGradientConstraintBuilder(Func<T[], T> cost, ConstraintExpression? expression)
    {
        ArgumentNullException.ThrowIfNull(cost);
        this.cost = cost;
        this.expression = expression;
    }

    /// <summary>Checks the gradient at <paramref name="theta"/>, which the check never modifies.</summary>
    /// <param name="theta">The point at which the actual value is the gradient.</param>
    public GradientConstraint<T> At(T[] theta) =>
        GradientConstraint<T>.Create(GradientCheckTarget<T>.Flat(cost, theta), expression);
}
