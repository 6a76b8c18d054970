namespace GradCheck.NUnit;

/// <summary>
/// A constraint that checks a gradient entry by entry, and so can cover less than every entry: a fast
/// check along random directions, the Taylor-remainder test, or a seeded sample of entries, for models
/// too large for every entry.
/// The gradient constraints of <c>Is.GradientOf</c> and the layer constraint of <c>Has.CorrectBackward</c>
/// share these modifiers; a Jacobian or Hessian-vector product check has no such choice.
/// </summary>
/// <typeparam name="TSelf">The constraint itself, which every modifier returns.</typeparam>
public abstract class GradientCoverageConstraint<TSelf> : GradientCheckConstraint<TSelf>
    where TSelf : GradientCoverageConstraint<TSelf>
{
    /// <param name="constraintName">The constraint in the message of a second <c>Within</c>, such as <c>a gradient constraint</c>.</param>
    /// <param name="args">NUnit's arguments of the constraint, shown in its <c>ToString()</c>.</param>
    private protected GradientCoverageConstraint(string constraintName, params object?[] args)
        : base(constraintName, args)
    {
    }

    /// <summary>
    /// A fast check: per tensor, the cost's derivative along <paramref name="directionsPerTensor"/> seeded
    /// random directions against a · u (2 or 6 evaluations each, instead of that per entry), and the
    /// wrong entries of a failing tensor localised. It can miss a wrong gradient; see <see cref="CheckCoverage"/>.
    /// </summary>
    /// <param name="directionsPerTensor">Directions per tensor, at least 1.</param>
    /// <param name="seed">The seed of the directions: vary it over runs to draw new ones.</param>
    public TSelf AlongRandomDirections(int directionsPerTensor = 1, int seed = 0) =>
        Cover(CheckCoverage.RandomDirections(directionsPerTensor, seed));

    /// <summary>
    /// The Taylor-remainder test: per tensor, R1(h) = |J(x + h u) - J(x) - h a · u| along a seeded random
    /// direction u for halving steps h must shrink as h², as it does when a is the gradient, not as h, as
    /// it does when a is wrong along u. Tens of evaluations per tensor whatever its size, read only where
    /// R1 stands above the cost's measured noise; the wrong entries of a failing tensor are localised.
    /// See <see cref="Reporting.TaylorReport"/>.
    /// </summary>
    /// <param name="seed">The seed of the directions: vary it over runs to draw new ones.</param>
    public TSelf ByTaylorRemainder(int seed = 0) =>
        Cover(CheckCoverage.TaylorRemainder(seed));

    /// <summary>Checks <paramref name="entriesPerTensor"/> seeded random entries of each tensor, for models too large for every entry.</summary>
    /// <param name="entriesPerTensor">Entries per tensor, at least 1 (all of a smaller tensor).</param>
    /// <param name="seed">The seed of the sample.</param>
    public TSelf OnSampledEntries(int entriesPerTensor, int seed = 0) =>
        Cover(CheckCoverage.SampledEntries(entriesPerTensor, seed));

    /// <summary>
    /// Names the batch size m the cost averages over (<see cref="GradientCheckOptions.BatchSize"/>), so that a
    /// tensor off by m or 1/m is diagnosed as a mean's 1/m left out, or divided by m twice.
    /// </summary>
    /// <param name="batchSize">The number of examples the cost averages over, at least 1.</param>
    public TSelf WithBatchSize(int batchSize) => WithOptions(Options with { BatchSize = batchSize });
}
