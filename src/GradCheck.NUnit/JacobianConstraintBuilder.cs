using System.Numerics;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary><c>Is.JacobianOf(f)</c>, waiting for the point: <c>.At(x)</c>.</summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
public sealed class JacobianConstraintBuilder<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Func<T[], T[]> f;
    private readonly ConstraintExpression? expression;

    internal JacobianConstraintBuilder(Func<T[], T[]> f, ConstraintExpression? expression)
    {
        ArgumentNullException.ThrowIfNull(f);
        this.f = f;
        this.expression = expression;
    }

    /// <summary>Checks the Jacobian at <paramref name="x"/>, which the check never modifies.</summary>
    /// <param name="x">The point at which the actual value, a <c>T[,]</c> of shape (outputs, inputs), is the Jacobian.</param>
    public JacobianConstraint<T> At(T[] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return ConstraintRun.After(expression, new JacobianConstraint<T>(f, x));
    }
}
