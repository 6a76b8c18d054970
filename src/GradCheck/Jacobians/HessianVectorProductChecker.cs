using System.Diagnostics;
using System.Numerics;
using GradCheck.Reporting;
using GradCheck.Jacobians;

namespace GradCheck;

/// <summary>
/// Checks a Hessian-vector product against finite differences of the gradient along the direction, and
/// returns a <see cref="GradientCheckReport"/> (no test framework involved). This is a second-order check
/// of your backpropagation: g is your hand-written gradient, and H v = d/dt g(x + t v) at t = 0.
/// </summary>
/// <remarks>
/// <para>
/// The estimate is Richardson extrapolation of central differences of g(x + t v) at t = ±h, ±2h, ±4h, with
/// h = ε^(1/5)/4 max(1, |x[k]|) / max|v[k]| over the coordinates v moves, and its error estimate is that
/// of a gradient entry plus the measured effect of rounding x + t v to the element type (2 more
/// evaluations of g). A check costs 11 evaluations of g (7 with the two-point rule).
/// </para>
/// <para>
/// The pass rule is the gradient check's, entry by entry; the report names entries <c>Hv[3]</c>.
/// To check a whole Hessian instead, check it as the Jacobian of g: <see cref="JacobianChecker.Check{T}"/>
/// with g as f (6n + 3 evaluations of g).
/// </para>
/// </remarks>
[StackTraceHidden]
public static class HessianVectorProductChecker
{
    /// <summary>Checks <paramref name="product"/> as H v, H the Jacobian of <paramref name="gradient"/> at <paramref name="x"/>.</summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <param name="gradient">
    /// The gradient function g (your backprop), from a point to the gradient there. It is called on a
    /// fresh copy of each point and its result is copied at once.
    /// </param>
    /// <param name="x">The point; never modified.</param>
    /// <param name="direction">v, as long as x, finite and not 0.</param>
    /// <param name="product">The analytic H v at x, as long as x.</param>
    /// <param name="options">How to check; null for <see cref="GradientCheckOptions.Default"/>. <see cref="GradientCheckOptions.Tensors"/> must be null.</param>
    /// <returns>
    /// The report: one tensor <c>Hv</c>; <see cref="GradientCheckReport.Subject"/> names the product,
    /// <see cref="GradientCheckReport.Cost"/> is NaN, <see cref="GradientCheckReport.CostEvaluations"/>
    /// counts evaluations of g, and <see cref="NumericalMethod.RelativeStep"/> is the step h along v.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// x or v is empty or not finite, v is 0, v, the product or g(x) is not as long as x, or the options
    /// select tensors.
    /// </exception>
    /// <exception cref="CostEvaluationException">g threw; the exception names the point, such as <c>x + 2h v</c>.</exception>
    public static GradientCheckReport Check<T>(Func<T[], T[]> gradient, T[] x, T[] direction, T[] product, GradientCheckOptions? options = null)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(direction);
        ArgumentNullException.ThrowIfNull(product);
        return VectorCheckRun.Checked(() => VectorCheckRun.Run(gradient, x, new HessianVectorProductDerivative<T>(x, direction, product), options ?? GradientCheckOptions.Default));
    }
}
