using System.Diagnostics;
using System.Numerics;
using GradCheck.Parameters;
using GradCheck.Reporting;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// Succeeds when the actual value is the gradient of a pure cost of a flat vector
/// (<c>Is.GradientOf(cost).At(theta)</c>), or of a <c>[GradientCheck]</c> case's problem: every entry
/// within the tolerance of a finite-difference estimate. On failure the message lists, per failing
/// tensor, its worst entries (the <see cref="GradientCheckReport"/> text).
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
[StackTraceHidden]
public sealed class GradientConstraint<T> : GradientCoverageConstraint<GradientConstraint<T>>
    where T : IFloatingPointIeee754<T>
{
    private readonly GradientCheckTarget<T> target;

    /// <summary>
    /// The problem of a <c>[GradientCheck]</c> case, whose check runs its backward pass and can re-check
    /// entries at a nudged point; null for a constraint on a gradient the test computed.
    /// </summary>
    private readonly GradientProblem<T>? problem;

    /// <summary>H v for the Taylor test's R2 (<see cref="WithHessianVectorProduct"/>); null for R1.</summary>
    private Func<T[], T[], T[]>? hessianVectorProduct;

    private GradientConstraint(GradientCheckTarget<T> target, GradientProblem<T>? problem = null)
        : base("a gradient constraint", target.Description)
    {
        this.target = target;
        this.problem = problem;
    }

    /// <inheritdoc />
    private protected override string Expected =>
        $"gradient of the cost with respect to {target.Describe(Options.Tensors)}";

    /// <summary>
    /// Spreads the entries over several threads, each calling the cost on its own copy of theta. The
    /// report is the same as a serial check's. (A cost that reads named tensors needs a model per thread:
    /// <see cref="NamedGradientConstraint{T}.InParallel"/>.)
    /// </summary>
    /// <param name="workers">How many threads; 0 (the default) for one per core.</param>
    public GradientConstraint<T> InParallel(int workers = 0) => Parallel(workers);

    /// <summary>
    /// Checks the cost's Hessian-vector product with the gradient in the Taylor-remainder test
    /// (<see cref="GradientCoverageConstraint{TSelf}.ByTaylorRemainder"/>, which it needs): R2(h) =
    /// |J(x + h u) - J(x) - h a · u - h²/2 u · H u| must shrink as h³; a wrong H u leaves order 2, a wrong
    /// gradient order 1. R2 sees H u only along u, through u · H u (see <see cref="Reporting.TaylorReport"/>).
    /// </summary>
    /// <param name="hessianVectorProduct">H v at x for a direction v, called with copies of theta and v; it returns a vector as long as theta.</param>
    /// <exception cref="InvalidOperationException">Given twice, or for a <c>[GradientCheck]</c> case.</exception>
    public GradientConstraint<T> WithHessianVectorProduct(Func<T[], T[], T[]> hessianVectorProduct)
    {
        ArgumentNullException.ThrowIfNull(hessianVectorProduct);
        if (this.hessianVectorProduct is not null || problem is not null)
        {
            throw new InvalidOperationException(problem is not null
                ? "A [GradientCheck] case has no Hessian-vector product to check: use Is.GradientOf(cost).At(theta).ByTaylorRemainder(seed).WithHessianVectorProduct(hvp)."
                : "WithHessianVectorProduct modifier may appear only once.");
        }

        this.hessianVectorProduct = hessianVectorProduct;
        return this;
    }

    /// <inheritdoc />
    private protected override int TaylorDegree => hessianVectorProduct is null ? 1 : 2;

    /// <inheritdoc />
    private protected override Func<GradientCheckOptions, GradientCheckReport> CheckOf(object? actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (problem is not null)
        {
            return problem.Check;
        }

        GradientCheckTarget<T> checkedTarget = hessianVectorProduct is null ? target : target.WithHessianVectorProduct(hessianVectorProduct);
        TensorSet<T> gradient = checkedTarget.ActualGradients(actual);
        return options => checkedTarget.CheckGradients(gradient, options);
    }

    /// <summary>
    /// The constraint for a <c>[GradientCheck]</c> case: the problem, its options and one tensor. It
    /// runs the problem's backward pass itself, whatever it is applied to, so that entries not checkable
    /// at the given point can be re-checked at a nudged point.
    /// </summary>
    internal static GradientConstraint<T> ForTensor(GradientProblem<T> problem, GradientCheckOptions options, string tensor) =>
        new GradientConstraint<T>(problem.Target, problem).WithOptions(options with { Tensors = [tensor] });

    internal static GradientConstraint<T> Create(GradientCheckTarget<T> target, ConstraintExpression? expression) =>
        ConstraintRun.After(expression, new GradientConstraint<T>(target));
}
