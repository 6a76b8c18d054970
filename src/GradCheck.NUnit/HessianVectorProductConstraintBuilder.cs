using System.Numerics;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary><c>Is.HessianVectorProductOf(g)</c>, waiting for the point: <c>.At(x)</c>.</summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
public sealed class HessianVectorProductConstraintBuilder<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Func<T[], T[]> gradient;
    private readonly ConstraintExpression? expression;

    internal HessianVectorProductConstraintBuilder(Func<T[], T[]> gradient, ConstraintExpression? expression)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        this.gradient = gradient;
        this.expression = expression;
    }

    /// <summary>The point at which the Hessian is taken; the check never modifies it. Then say the direction with <c>.Along(v)</c>.</summary>
    /// <param name="x">The point.</param>
    public HessianVectorProductDirectionBuilder<T> At(T[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return new HessianVectorProductDirectionBuilder<T>(gradient, x, expression);
    }
}
