using System.Diagnostics;
using System.Numerics;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// <c>Is.GradientOf(cost)</c> for a cost that reads named tensors, waiting for them:
/// <c>.WithRespectTo(net.Parameters)</c>.
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
[StackTraceHidden]
public sealed class NamedGradientConstraintBuilder<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly Func<T> cost;
    private readonly ConstraintExpression? expression;

    internal NamedGradientConstraintBuilder(Func<T> cost, ConstraintExpression? expression)
    {
        ArgumentNullException.ThrowIfNull(cost);
        this.cost = cost;
        this.expression = expression;
    }

    /// <summary>
    /// Differentiates with respect to these tensors, perturbing each entry in place and restoring it
    /// bit for bit. The actual value is then a dictionary of gradients keyed by the same names or by
    /// <c>d</c> + name (<c>dW1</c>).
    /// </summary>
    /// <param name="parameters">Name to container: <c>T[]</c>, <c>T[,]</c> (any rank), dense <c>Tensor&lt;T&gt;</c> or <c>Memory&lt;T&gt;</c>.</param>
    public NamedGradientConstraint<T> WithRespectTo<TContainer>(IEnumerable<KeyValuePair<string, TContainer>> parameters) =>
        NamedGradientConstraint<T>.Create(GradientCheckTarget<T>.Named(cost, parameters), expression);
}
