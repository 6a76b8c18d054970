using System.Numerics;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary><c>Is.HessianVectorProductOf(g).At(x)</c>, waiting for the direction: <c>.Along(v)</c>.</summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
public sealed class HessianVectorProductDirectionBuilder<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Func<T[], T[]> gradient;
    private readonly T[] x;
    private readonly ConstraintExpression? expression;

    internal HessianVectorProductDirectionBuilder(Func<T[], T[]> gradient, T[] x, ConstraintExpression? expression)
    {
        this.gradient = gradient;
        this.x = x;
        this.expression = expression;
    }

    /// <summary>Checks the actual value, a <c>T[]</c> as long as x, as H v for the direction <paramref name="v"/>.</summary>
    /// <param name="v">The direction: as long as x, finite and not 0.</param>
    public HessianVectorProductConstraint<T> Along(T[] v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return ConstraintRun.After(expression, new HessianVectorProductConstraint<T>(gradient, x, v));
    }
}
