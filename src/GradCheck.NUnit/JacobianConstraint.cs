using System.Globalization;
using System.Numerics;
using GradCheck.Reporting;

namespace GradCheck.NUnit;

/// <summary>
/// Succeeds when the actual value, a <c>T[,]</c> of shape (outputs, inputs), is the Jacobian of f at x:
/// every entry <c>J[i, j] = ∂f[i]/∂x[j]</c> within the tolerance of a finite-difference estimate (see
/// <see cref="JacobianChecker"/>). On failure the message lists the worst entries as <c>J[2,3]</c>.
/// A Hessian is the Jacobian of the gradient: <c>Is.JacobianOf(gradient).At(x)</c> checks it whole.
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
public sealed class JacobianConstraint<T> : GradientCheckConstraint<JacobianConstraint<T>>
    where T : IFloatingPointIeee754<T>
{
    private readonly Func<T[], T[]> f;
    private readonly T[] x;

    internal JacobianConstraint(Func<T[], T[]> f, T[] x)
        : base("a Jacobian constraint")
    {
        this.f = f;
        this.x = x;
    }

    /// <inheritdoc />
    private protected override string Expected =>
        string.Create(CultureInfo.InvariantCulture, $"Jacobian of f at x ({x.Length}), J[i,j] = ∂f[i]/∂x[j]");

    /// <inheritdoc />
    private protected override Func<GradientCheckOptions, GradientCheckReport> CheckOf(object? actual)
    {
        T[,] jacobian = JacobianActualValue.As<T[,]>(actual, "the analytic Jacobian, (outputs, inputs) with J[i,j] = ∂f[i]/∂x[j]");
        return options => JacobianChecker.Check(f, x, jacobian, options);
    }
}
