using GradCheck.Comparison;
using GradCheck.Coverage;

namespace GradCheck.NUnit;

/// <summary>
/// The modifiers every constraint of this package shares: one <c>Within</c> at most, as NUnit's own
/// modifiers, and <c>WithOptions</c>, which keeps a <c>Within</c> given before it.
/// </summary>
internal sealed class ConstraintModifiers
{
    private readonly string constraintName;
    private bool toleranceGiven;

    /// <param name="constraintName">The constraint in the message of a second <c>Within</c>, such as <c>a gradient constraint</c>.</param>
    public ConstraintModifiers(string constraintName) => this.constraintName = constraintName;

    /// <summary>
    /// Whether the constraint follows an operator such as <c>Is.Not</c>, which could invert a failure
    /// into a pass (see <see cref="ConstraintRun"/>).
    /// </summary>
    public bool AfterOperator { get; set; }

    /// <summary>The options the check runs with.</summary>
    public GradientCheckOptions Options { get; private set; } = GradientCheckOptions.Default;

    /// <summary>States the pass rule.</summary>
    /// <exception cref="InvalidOperationException">A tolerance was already given.</exception>
    public void Within(GradientTolerance tolerance)
    {
        if (toleranceGiven)
        {
            throw new InvalidOperationException($"Within modifier may appear only once in {constraintName}.");
        }

        toleranceGiven = true;
        Options = Options with { Tolerance = tolerance };
    }

    /// <summary>Sets how much of the gradient is differentiated.</summary>
    public void Cover(CheckCoverage coverage) => Options = Options with { Coverage = coverage };

    /// <summary>Spreads the entries over <paramref name="workers"/> threads; 0 for one per core.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    public void InParallel(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        Options = Options with { Workers = workers == 0 ? Environment.ProcessorCount : workers };
    }

    /// <summary>Replaces the options, keeping a tolerance given with <see cref="Within"/>.</summary>
    public void With(GradientCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = toleranceGiven ? options with { Tolerance = Options.Tolerance } : options;
    }
}
