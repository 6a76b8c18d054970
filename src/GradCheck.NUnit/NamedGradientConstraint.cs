using System.Numerics;
using GradCheck.Parameters;
using GradCheck.Reporting;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// Succeeds when the actual value, a dictionary from name to gradient, is the gradient of a cost that
/// reads named tensors in place (<c>Is.GradientOf(cost).WithRespectTo(parameters)</c>): every entry of
/// every tensor within the tolerance of a finite-difference estimate. On failure the message lists, per
/// failing tensor, its worst entries (the <see cref="GradientCheckReport"/> text).
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
public sealed class NamedGradientConstraint<T> : GradientCoverageConstraint<NamedGradientConstraint<T>>
    where T : IFloatingPointIeee754<T>
{
    private GradientCheckTarget<T> target;

    private NamedGradientConstraint(GradientCheckTarget<T> target)
        : base("a gradient constraint", target.Description) => this.target = target;

    /// <inheritdoc />
    private protected override string Expected =>
        $"gradient of the cost with respect to {target.Describe(Options.Tensors)}";

    /// <summary>
    /// Spreads the entries over several threads, each perturbing its own copy of the model, made by
    /// <paramref name="workerModel"/> and given the model's values before use: the cost reads the tensors
    /// in place, so two threads cannot share them. The report is the same as a serial check's.
    /// </summary>
    /// <param name="workerModel">Makes a copy, such as <c>() =&gt; { var copy = new Net(...); return WorkerModel.Of(() =&gt; copy.Cost(x, y), copy.Parameters); }</c>.</param>
    /// <param name="workers">How many threads; 0 (the default) for one per core.</param>
    public NamedGradientConstraint<T> InParallel(Func<WorkerModel<T>> workerModel, int workers = 0)
    {
        ArgumentNullException.ThrowIfNull(workerModel);
        target = target.WithWorkerModels(workerModel);
        return Parallel(workers);
    }

    /// <inheritdoc />
    private protected override Func<GradientCheckOptions, GradientCheckReport> CheckOf(object? actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        TensorSet<T> gradients = target.ActualGradients(actual);
        return options => target.CheckGradients(gradients, options);
    }

    internal static NamedGradientConstraint<T> Create(GradientCheckTarget<T> target, ConstraintExpression? expression) =>
        ConstraintRun.After(expression, new NamedGradientConstraint<T>(target));
}
