using System.Diagnostics;
using System.Numerics;
using GradCheck.Reporting;

namespace GradCheck;

/// <summary>
/// The plain entry points: check a gradient and get a <see cref="GradientCheckReport"/> back, with no
/// test framework involved (assert on <see cref="GradientCheckReport.Passed"/> and print the report
/// from xUnit, MSTest or a console). They have the gradient, not the backward pass that made it, so an
/// entry not checkable where kinks meet stays so; a <see cref="GradientProblem{T}"/> can
/// re-check it at a point nudged off the ties (<see cref="GradientCheckOptions.RecheckAtNudgedPoint"/>).
/// </summary>
[StackTraceHidden]
public static class GradientChecker
{
    /// <summary>Checks the gradient of a pure cost of a flat vector at <paramref name="theta"/>.</summary>
    /// <param name="cost">The cost; called on a copy of theta, which is never modified.</param>
    /// <param name="theta">The point at which to check.</param>
    /// <param name="gradient">The analytic gradient at theta, as long as theta.</param>
    /// <param name="options">How to check; null for the defaults.</param>
    public static GradientCheckReport Check<T>(Func<T[], T> cost, T[] theta, T[] gradient, GradientCheckOptions? options = null)
        where T : IFloatingPointIeee754<T> =>
        GradientCheckTarget<T>.Flat(cost, theta).Check(gradient, options);

    /// <summary>
    /// Checks the gradients of a cost that reads named parameter tensors in place, such as a network's
    /// <c>W1</c>, <c>b1</c>, ... . Gradients are keyed by the same names or by <c>dW1</c>, <c>db1</c>, ... .
    /// </summary>
    /// <param name="cost">The cost; it reads the parameters on every call.</param>
    /// <param name="parameters">Name to container (<c>T[]</c>, <c>T[,]</c>, dense <c>Tensor&lt;T&gt;</c>, <c>Memory&lt;T&gt;</c>).</param>
    /// <param name="gradients">Name to gradient, each with its parameter's shape.</param>
    /// <param name="options">How to check; null for the defaults.</param>
    public static GradientCheckReport Check<T, TParameter, TGradient>(
        Func<T> cost,
        IEnumerable<KeyValuePair<string, TParameter>> parameters,
        IReadOnlyDictionary<string, TGradient> gradients,
        GradientCheckOptions? options = null)
        where T : IFloatingPointIeee754<T> =>
        GradientCheckTarget<T>.Named(cost, parameters).Check(gradients, options);
}
