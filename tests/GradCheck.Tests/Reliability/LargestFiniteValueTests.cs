using System.Numerics;
using GradCheck.Coverage;
using GradCheck.Reporting;

namespace GradCheck.Tests.Reliability;

/// <summary>
/// Parameters near the largest finite value, where x + 4h (or any wider point of a climb) would be
/// infinite: the check keeps every point finite, so a linear cost with its true gradient passes under
/// every rule and coverage, in float and in double, on either side of zero.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class LargestFiniteValueTests<T>
    where T : IFloatingPointIeee754<T>
{
    [Test]
    public void A_linear_cost_at_entries_near_the_largest_finite_value_passes_with_its_true_gradient(
        [Values] DifferenceMethod method,
        [Values] CheckedCoverage coverage,
        [Values(0.97, 0.999, 0.9999)] double share)
    {
        T largest = T.BitDecrement(T.PositiveInfinity);
        T[] theta = [T.CreateTruncating(share) * largest, -T.CreateTruncating(share) * largest, T.CreateTruncating(1.5)];
        T[] weights = [T.CreateTruncating(0.25), T.CreateTruncating(0.5), T.CreateTruncating(-2)];
        var options = coverage.Options(sampledEntries: 2, seed: 4) with
        {
            Method = method,
        };

        // J = Σ w_i θ_i, summed in the order that keeps every partial sum finite.
        GradientCheckReport report = GradientChecker.Check(
            (T[] t) => (weights[0] * t[0]) + (weights[1] * t[1]) + (weights[2] * t[2]),
            theta,
            weights,
            options);

        Assert.That(report.Passed, Is.True, report.ToString());
    }

    [Test]
    public void An_entry_too_close_to_the_largest_finite_value_for_any_step_fails_as_not_finite_and_never_passes([Values] DifferenceMethod method)
    {
        T[] theta = [T.One, T.BitDecrement(T.BitDecrement(T.PositiveInfinity))];

        GradientCheckReport report = GradientChecker.Check((T[] t) => t[0] - t[1], theta, [T.One, -T.One], new GradientCheckOptions { Method = method });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False, report.ToString());
            Assert.That(report.Tensors[0].Entry(1).Outcome, Is.EqualTo(EntryOutcome.NumericNotFinite), report.ToString());
            Assert.That(report.Tensors[0].Entry(0).Outcome, Is.EqualTo(EntryOutcome.WithinTolerance), report.ToString());
        }
    }
}
