using System.Diagnostics;
using System.Globalization;
using GradCheck.Reporting;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// What every constraint of this package shares: the modifiers (one <c>Within</c> at most, as NUnit's
/// own modifiers, and <c>WithOptions</c>, which keeps a <c>Within</c> given before it), the description
/// ending in the pass rule or a reference to the report's, and the run of the check inside the current
/// test (<see cref="ConstraintRun"/>).
/// A constraint adds only what the actual value is checked against.
/// </summary>
/// <typeparam name="TSelf">
/// The constraint itself, so that every modifier returns it and a chain such as
/// <c>.Within(1e-7).InParallel()</c> keeps the constraint's own modifiers in reach.
/// </typeparam>
[StackTraceHidden]
public abstract class GradientCheckConstraint<TSelf> : Constraint
    where TSelf : GradientCheckConstraint<TSelf>
{
    private readonly string constraintName;
    private bool toleranceGiven;

    /// <param name="constraintName">The constraint in the message of a second <c>Within</c>, such as <c>a gradient constraint</c>.</param>
    /// <param name="args">NUnit's arguments of the constraint, shown in its <see cref="Constraint.ToString"/>.</param>
    private protected GradientCheckConstraint(string constraintName, params object?[] args)
        : base(args) => this.constraintName = constraintName;

    /// <summary>
    /// NUnit's <c>Expected:</c> line: what the actual value should be, and the pass rule. The report
    /// written under a failure states the rule (its <c>Rule:</c> line, or the Taylor test on its
    /// <c>Coverage:</c> line), so this line only refers to it, and a failure states its rule once. After
    /// an operator the rule is stated here in full: <c>Is.Not</c> prints its operand's actual value, not
    /// the report.
    /// </summary>
    public sealed override string Description => AfterOperator ? DescriptionWithRule : DescriptionAboveReport;

    /// <summary>
    /// The description when the report follows it, such as <c>gradient of the cost with respect to
    /// W1 (5, 4), b1 (5), each entry within the rule below</c>.
    /// </summary>
    internal string DescriptionAboveReport => Options.Coverage.Kind == CoverageKind.TaylorRemainder
        ? $"{Expected}, by the Taylor-remainder test below"
        : $"{Expected}, each entry within the rule below";

    /// <summary>The description with the rule itself, for a message the report does not follow.</summary>
    private string DescriptionWithRule => Options.Coverage.Kind == CoverageKind.TaylorRemainder
        ? string.Create(CultureInfo.InvariantCulture, $"{Expected}, its Taylor remainder R{TaylorDegree}(h) shrinking as h^{TaylorDegree + 1} along a random direction per tensor (order at least {TaylorReport.PassingOrder + TaylorDegree - 1:0.00})")
        : string.Create(CultureInfo.InvariantCulture, $"{Expected}, each entry {Options.Tolerance}");

    /// <summary>The degree of the Taylor test's remainder: 2 when a Hessian-vector product is checked with the gradient, else 1.</summary>
    private protected virtual int TaylorDegree => 1;

    /// <summary>The options the check runs with.</summary>
    internal GradientCheckOptions Options { get; private set; } = GradientCheckOptions.Default;

    /// <summary>
    /// Whether the constraint follows an operator such as <c>Is.Not</c>, which could invert a failure
    /// into a pass (see <see cref="ConstraintRun"/>).
    /// </summary>
    internal bool AfterOperator { get; set; }

    /// <summary>What the actual value should be: the description before the pass rule, or before the reference to it.</summary>
    private protected abstract string Expected { get; }

    /// <summary>
    /// Holds every entry to <c>|a - n| &lt;= tolerance + tolerance * max(|a|, |n|)</c>, instead of the
    /// element type's default: relative for large entries, absolute for entries near 0.
    /// </summary>
    /// <param name="tolerance">Both the absolute and the relative part of the rule.</param>
    /// <exception cref="InvalidOperationException">A tolerance was already given.</exception>
    public TSelf Within(double tolerance) => Within(GradientTolerance.Within(tolerance));

    /// <summary>Holds every entry to <c>|a - n| &lt;= absolute + relative * max(|a|, |n|)</c>.</summary>
    /// <param name="absolute">The absolute part of the rule (atol).</param>
    /// <param name="relative">The relative part of the rule (rtol).</param>
    /// <exception cref="InvalidOperationException">A tolerance was already given.</exception>
    public TSelf Within(double absolute, double relative) => Within(GradientTolerance.Within(absolute, relative));

    /// <summary>Runs the check with these options (a <c>Within</c> given before or after still applies).</summary>
    /// <param name="checkOptions">The options, such as <c>new GradientCheckOptions { WorstEntriesShown = 20 }</c>.</param>
    public TSelf WithOptions(GradientCheckOptions checkOptions)
    {
        ArgumentNullException.ThrowIfNull(checkOptions);
        Options = toleranceGiven ? checkOptions with { Tolerance = Options.Tolerance } : checkOptions;
        return Self;
    }

    /// <inheritdoc />
    public sealed override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        // The actual value is refused before the check starts, so that a mistake in the test is an
        // exception, never a result an operator could invert.
        Func<GradientCheckOptions, GradientCheckReport> check = CheckOf(actual);
        GradientCheckReport report = ConstraintRun.Check(this, check);
        return new GradientConstraintResult(this, actual, report);
    }

    /// <summary>The check of <paramref name="actual"/>, given the options to run with.</summary>
    /// <param name="actual">What <c>Assert.That</c> was given.</param>
    /// <exception cref="ArgumentException">The actual value is null or of a type the constraint cannot check.</exception>
    private protected abstract Func<GradientCheckOptions, GradientCheckReport> CheckOf(object? actual);

    /// <summary>The constraint itself, which every modifier returns.</summary>
    private protected TSelf Self => (TSelf)this;

    /// <summary>Sets how much of the gradient is differentiated.</summary>
    private protected TSelf Cover(CheckCoverage coverage)
    {
        Options = Options with { Coverage = coverage };
        return Self;
    }

    /// <summary>Spreads the entries over <paramref name="workers"/> threads; 0 for one per core.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The count is negative.</exception>
    private protected TSelf Parallel(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        Options = Options with { Workers = workers == 0 ? Environment.ProcessorCount : workers };
        return Self;
    }

    private TSelf Within(GradientTolerance tolerance)
    {
        if (toleranceGiven)
        {
            throw new InvalidOperationException($"Within modifier may appear only once in {constraintName}.");
        }

        toleranceGiven = true;
        Options = Options with { Tolerance = tolerance };
        return Self;
    }
}
