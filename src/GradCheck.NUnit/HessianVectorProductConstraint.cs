using System.Globalization;
using System.Numerics;
using GradCheck.Reporting;

namespace GradCheck.NUnit;

/// <summary>
/// Succeeds when the actual value, a <c>T[]</c> as long as x, is the Hessian-vector product H v at x,
/// with H the Jacobian of the gradient function g: every entry within the tolerance of a finite
/// difference of g along v (see <see cref="HessianVectorProductChecker"/>). On failure the message lists
/// the worst entries as <c>Hv[3]</c>.
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
public sealed class HessianVectorProductConstraint<T> : GradientCheckConstraint<HessianVectorProductConstraint<T>>
    where T : IFloatingPointIeee754<T>
{
    private readonly Func<T[], T[]> gradient;
    private readonly T[] x;
    private readonly T[] v;

    internal HessianVectorProductConstraint(Func<T[], T[]> gradient, T[] x, T[] v)
        : base("a Hessian-vector product constraint")
    {
        this.gradient = gradient;
        this.x = x;
        this.v = v;
    }

    /// <inheritdoc />
    private protected override string Expected =>
        string.Create(CultureInfo.InvariantCulture, $"Hessian-vector product H v of the gradient g at x ({x.Length}) along v, Hv[i] = d/dt g(x + t v)[i] at t = 0");

    /// <inheritdoc />
    private protected override Func<GradientCheckOptions, GradientCheckReport> CheckOf(object? actual)
    {
        T[] product = JacobianActualValue.As<T[]>(actual, "the analytic Hessian-vector product H v, as long as x");
        return options => HessianVectorProductChecker.Check(gradient, x, v, product, options);
    }
}
