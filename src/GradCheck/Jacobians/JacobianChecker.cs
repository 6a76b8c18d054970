using System.Diagnostics;
using System.Numerics;
using GradCheck.Reporting;
using GradCheck.Jacobians;

namespace GradCheck;

/// <summary>
/// Checks the Jacobian of a vector-valued function f: Rⁿ → Rᵐ against finite differences, entry by
/// entry, and returns a <see cref="GradientCheckReport"/> (no test framework involved).
/// </summary>
/// <remarks>
/// <para>
/// The Jacobian is laid out as in mathematics, FiniteDifferences.jl's <c>jacobian</c> and JAX's
/// <c>jacfwd</c>: an (m, n) matrix with <c>J[i, j] = ∂f[i]/∂x[j]</c>, one row per output and one column
/// per input (PyTorch's gradcheck stores the transpose). The report names failing entries as <c>J[2,3]</c>.
/// </para>
/// <para>
/// Each input is perturbed alone and every evaluation gives a whole column, so a check costs
/// 6n + 3 evaluations of f (2n + 3 with <see cref="DifferenceMethod.CentralTwoPoint"/>),
/// whatever m is. The pass rule, the numerical method and the kink handling are those of
/// <see cref="GradientChecker"/>, with output f[i] in the place of the cost.
/// </para>
/// <para>
/// A full Hessian is the Jacobian of the gradient: <c>JacobianChecker.Check(gradient, x, hessian)</c>
/// checks <c>H[i, j] = ∂g[i]/∂x[j] = ∂²L/∂x[i]∂x[j]</c> with 6n + 3 evaluations of your gradient
/// function; <see cref="HessianVectorProductChecker"/> checks one product H v with 11.
/// </para>
/// </remarks>
[StackTraceHidden]
public static class JacobianChecker
{
    /// <summary>Checks <paramref name="jacobian"/> as the Jacobian of <paramref name="f"/> at <paramref name="x"/>.</summary>
    /// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
    /// <param name="f">
    /// The function. It is called on a fresh copy of each point, so it may overwrite or return its
    /// argument; its result is copied at once, so it may reuse one output buffer.
    /// </param>
    /// <param name="x">The point at which to check; never modified.</param>
    /// <param name="jacobian">The analytic Jacobian at x, (m, n) with <c>jacobian[i, j] = ∂f[i]/∂x[j]</c>.</param>
    /// <param name="options">How to check; null for <see cref="GradientCheckOptions.Default"/>. <see cref="GradientCheckOptions.Tensors"/> must be null.</param>
    /// <returns>
    /// The report: one tensor <c>J</c> of shape (m, n); <see cref="GradientCheckReport.Subject"/> names the
    /// Jacobian, <see cref="GradientCheckReport.Cost"/> is NaN (f has no single value) and
    /// <see cref="GradientCheckReport.CostEvaluations"/> counts evaluations of f.
    /// </returns>
    /// <exception cref="ArgumentException">
    /// x is empty or not finite, the Jacobian is not (length of f(x), length of x), f returns null or
    /// values of another length at a perturbed point, or the options select tensors.
    /// </exception>
    /// <exception cref="CostEvaluationException">f threw; the exception names the point, such as <c>x[3] + 2h</c>.</exception>
    public static GradientCheckReport Check<T>(Func<T[], T[]> f, T[] x, T[,] jacobian, GradientCheckOptions? options = null)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(jacobian);
        return VectorCheckRun.Checked(() => VectorCheckRun.Run(f, x, new JacobianDerivative<T>(x, jacobian), options ?? GradientCheckOptions.Default));
    }
}
