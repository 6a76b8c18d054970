using System.Numerics;
using GradCheck.Reporting;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// Succeeds when the actual value is the gradient of the cost: every entry of every tensor within the
/// tolerance of a finite-difference estimate. On failure the message lists, per failing tensor, its
/// worst entries (the <see cref="GradientCheckReport"/> text).
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
public sealed class GradientConstraint<T> : GradientCheckConstraint<GradientConstraint<T>>
    where T : IFloatingPointIeee754<T>
{
    private GradientCheckTarget<T> target;

    /// <summary>
    /// The problem of a <c>[GradientCheck]</c> case, whose check runs its backward pass and can re-check
    /// entries at a nudged point; null for a constraint on a gradient the test computed.
    /// </summary>
    private readonly GradientProblem<T>? problem;

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
    /// A fast check: per tensor, the cost's derivative along <paramref name="directionsPerTensor"/> seeded
    /// random directions against a · u (2 or 6 evaluations each, instead of that per entry), and the
    /// wrong entries of a failing tensor localised. It can miss a wrong gradient; see <see cref="CheckCoverage"/>.
    /// </summary>
    /// <param name="directionsPerTensor">Directions per tensor, at least 1.</param>
    /// <param name="seed">The seed of the directions: vary it over runs to draw new ones.</param>
    public GradientConstraint<T> AlongRandomDirections(int directionsPerTensor = 1, int seed = 0) =>
        Cover(CheckCoverage.RandomDirections(directionsPerTensor, seed));

    /// <summary>Checks <paramref name="entriesPerTensor"/> seeded random entries of each tensor, for models too large for every entry.</summary>
    /// <param name="entriesPerTensor">Entries per tensor, at least 1 (all of a smaller tensor).</param>
    /// <param name="seed">The seed of the sample.</param>
    public GradientConstraint<T> OnSampledEntries(int entriesPerTensor, int seed = 0) =>
        Cover(CheckCoverage.SampledEntries(entriesPerTensor, seed));

    /// <summary>
    /// Spreads the entries over several threads. For a pure cost of a flat vector (<c>Is.GradientOf(cost).At(theta)</c>),
    /// which each thread calls on its own copy of theta; a cost that reads named tensors needs
    /// <see cref="InParallel(Func{WorkerModel{T}}, int)"/>. The report is the same as a serial check's.
    /// </summary>
    /// <param name="workers">How many threads; 0 (the default) for one per core.</param>
    public GradientConstraint<T> InParallel(int workers = 0) => Parallel(workers);

    /// <summary>
    /// Spreads the entries over several threads, each perturbing its own copy of the model, made by
    /// <paramref name="workerModel"/> and given the model's values before use. The report is the same as a serial check's.
    /// </summary>
    /// <param name="workerModel">Makes a copy, such as <c>() =&gt; { var copy = new Net(...); return WorkerModel.Of(() =&gt; copy.Cost(x, y), copy.Parameters); }</c>.</param>
    /// <param name="workers">How many threads; 0 (the default) for one per core.</param>
    public GradientConstraint<T> InParallel(Func<WorkerModel<T>> workerModel, int workers = 0)
    {
        ArgumentNullException.ThrowIfNull(workerModel);
        target = target.WithWorkerModels(workerModel);
        return Parallel(workers);
    }

    /// <inheritdoc />
    private protected override Func<GradientCheckOptions, GradientCheckReport> CheckOf(object? actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        return options => problem?.Check(options) ?? target.Check(actual, options);
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
