using System.Diagnostics;
using System.Globalization;
using GradCheck.Reporting;
using NUnit.Framework;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// How every constraint of this package runs its check inside the current NUnit test: the progress of
/// a long check goes to the test's output; the test's cancellation token (NUnit's <c>[CancelAfter]</c>)
/// stops it, together with any token in the options; after an operator such as <c>Is.Not</c>, a
/// check that could not be trusted (an obstacle, or a failure that shows no wrong value) fails instead of passing; and a pass that left entries undecided or
/// tensors unresolved says so in the test's output.
/// </summary>
/// <remarks>
/// NUnit's <c>Not</c> inverts whatever its operand returns, so a failing result for a cost that is NaN at
/// the given point, not deterministic, or modifying its parameters would become a pass: a planted bug
/// would be "confirmed" by a check that compared nothing. Such a check throws an
/// <see cref="AssertionException"/> instead, which no operator inverts; a check outside an expression
/// keeps its ordinary failing result.
/// </remarks>
[StackTraceHidden]
internal static class ConstraintRun
{
    /// <summary>Appends <paramref name="constraint"/> after <paramref name="expression"/>'s operator, or returns it alone.</summary>
    public static TConstraint After<TConstraint>(ConstraintExpression? expression, TConstraint constraint)
        where TConstraint : GradientCheckConstraint<TConstraint>
    {
        if (expression is null)
        {
            return constraint;
        }

        // Append returns the constraint it was given; NUnit 4 types that return as Constraint, hence no use of it.
        constraint.AfterOperator = true;
        expression.Append(constraint);
        return constraint;
    }

    /// <summary>Runs <paramref name="check"/> with the constraint's options, completed for the current test.</summary>
    /// <param name="constraint">The constraint, for its description in the message of an untrusted check after an operator (the report follows it there, with the rule).</param>
    /// <param name="check">The check, given the options to run with.</param>
    /// <exception cref="AssertionException">The constraint follows an operator and the check found a problem with the cost.</exception>
    /// <exception cref="OperationCanceledException">The test or the options' token was cancelled; the parameters have been restored.</exception>
    public static GradientCheckReport Check<TConstraint>(GradientCheckConstraint<TConstraint> constraint, Func<GradientCheckOptions, GradientCheckReport> check)
        where TConstraint : GradientCheckConstraint<TConstraint>
    {
        GradientCheckOptions options = constraint.Options;
        CancellationToken test = TestContext.CurrentContext.CancellationToken;
        CancellationToken given = options.CancellationToken;
        using CancellationTokenSource? both = test.CanBeCanceled && given.CanBeCanceled && test != given
            ? CancellationTokenSource.CreateLinkedTokenSource(test, given)
            : null;
        GradientCheckReport report;
        try
        {
            report = check(options with
            {
                Progress = options.Progress ?? TestProgress.ForCurrentTest(),
                CancellationToken = both?.Token ?? (given.CanBeCanceled ? given : test),
            });
        }
        catch (ArgumentException error) when (InputError.ThrownBy(error, typeof(GradientCheckReport).Assembly, typeof(ConstraintRun).Assembly))
        {
            // Bad input starts its stack trace at the test's Assert.That, not inside the checker.
            throw InputError.Rethrown(error);
        }

        if (constraint.AfterOperator && report.Obstacles.Count > 0)
        {
            throw new AssertionException(string.Create(
                CultureInfo.InvariantCulture,
                $"{constraint.DescriptionAboveReport}: the check could not be trusted (see below), so it fails here rather than let an operator such as Is.Not turn its failure into a pass.{Environment.NewLine}{report}"));
        }

        if (constraint.AfterOperator && !report.Passed && !ShowsAWrongValue(report))
        {
            throw new AssertionException(string.Create(
                CultureInfo.InvariantCulture,
                $"{constraint.DescriptionAboveReport}: the check could not be trusted (see below): it failed without finding a value outside tolerance, only where the numerical derivative is NaN or infinite or where nothing could be decided, " +
                $"so it fails here rather than let an operator such as Is.Not turn its failure into a pass.{Environment.NewLine}{report}"));
        }

        // A pass with entries it could not decide, or tensors it could not resolve to 1%, is not
        // silent: the summary goes to the test's output (the failure message when it fails says it anyway).
        if (report.Passed && report.Tensors.Any(tensor => tensor.NotCheckableCount > 0 || tensor.Unresolved))
        {
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"GradCheck: passed, with a limit: {report.Summary}"));
        }

        return report;
    }

    /// <summary>
    /// Whether a report shows a value that is wrong: an entry or a direction outside tolerance, an
    /// analytic value that is not finite, or a kink where the options say kinks fail. A check that failed
    /// only on entries whose numerical derivative is not finite (a step left the cost's domain), or on a
    /// tensor none of whose entries could be decided, compared nothing it could stand on, and must not
    /// become a pass under Is.Not.
    /// </summary>
    private static bool ShowsAWrongValue(GradientCheckReport report) =>
        report.Tensors.Any(tensor => tensor.Entries.Outcomes.Checked.ToArray().Any(IsWrongValue) || tensor.Directions.Any(direction => IsWrongValue(direction.Outcome)));

    private static bool IsWrongValue(EntryOutcome outcome) =>
        outcome is EntryOutcome.OutsideTolerance or EntryOutcome.AnalyticNotFinite or EntryOutcome.KinkNotAllowed;
}
