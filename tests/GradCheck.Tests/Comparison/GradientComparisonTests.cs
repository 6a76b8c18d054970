using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Comparison;

public class GradientComparisonTests
{
    private static readonly double Epsilon = Math.ScaleB(1.0, -52);

    // A rule stated exactly: 1e-6 + 1e-6 · max(|a|, |n|).
    private static readonly GradientTolerance Tight = GradientTolerance.Within(1e-6);

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Fails_a_non_finite_analytic_entry_as_AnalyticNotFinite(double analytic)
    {
        AssertSingleFailure(Compare([analytic], [1.0]), EntryOutcome.AnalyticNotFinite);
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Fails_a_non_finite_numeric_entry_as_NumericNotFinite(double numeric)
    {
        AssertSingleFailure(Compare([1.0], [numeric]), EntryOutcome.NumericNotFinite);
    }

    [Test]
    public void Fails_NaN_against_NaN_even_with_a_huge_tolerance()
    {
        // 1e300: a rule no finite error could exceed, so only the NaN rule can fail the entry.
        AssertSingleFailure(Compare([double.NaN], [double.NaN], GradientTolerance.Within(1e300)), EntryOutcome.AnalyticNotFinite);
    }

    [Test]
    public void Fails_equal_infinities()
    {
        Assert.That(Compare([double.PositiveInfinity], [double.PositiveInfinity]).FailedEntryCount, Is.EqualTo(1));
    }

    [Test]
    public void Passes_both_exactly_zero_under_a_zero_tolerance()
    {
        TensorReport report = Compare([0.0, -0.0], [0.0, 0.0], GradientTolerance.Within(0));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True);
            Assert.That(report.WorstEntries.Select(entry => entry.RelativeError), Has.All.Zero, "no 0/0 in the relative error");
        }
    }

    [Test]
    public void Passes_both_exactly_zero_under_the_automatic_rule_with_a_zero_error_estimate()
    {
        Assert.That(Compare([0.0, 0.0], [0.0, 0.0], GradientTolerance.Automatic).Passed, Is.True);
    }

    [Test]
    public void Fails_the_smallest_difference_under_a_zero_tolerance()
    {
        AssertSingleFailure(Compare([0.0], [double.Epsilon], GradientTolerance.Within(0)), EntryOutcome.OutsideTolerance);
    }

    // |a - n| = 0.5 in every case, and each bound is exactly 0.5 in binary floating point.
    [TestCase(0.5, 0.0)]
    [TestCase(0.0, 0.25)]
    [TestCase(0.25, 0.125)]
    public void Passes_an_entry_exactly_on_the_bound(double absolute, double relative)
    {
        TensorReport report = Compare([2.0], [1.5], GradientTolerance.Within(absolute, relative));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.WorstEntries[0].AbsoluteError, Is.EqualTo(report.WorstEntries[0].Bound), "the data must sit on the bound");
            Assert.That(report.Passed, Is.True);
        }
    }

    [TestCase(0.5, 0.0)]
    [TestCase(0.0, 0.25)]
    [TestCase(0.25, 0.125)]
    public void Fails_an_entry_one_ulp_over_the_bound(double absolute, double relative)
    {
        // The same rule and a, with n one ulp further from a: |a - n| = 0.5 + 2^-52 (exact), the bound still 0.5.
        TensorReport report = Compare([2.0], [Math.BitDecrement(1.5)], GradientTolerance.Within(absolute, relative));
        AssertSingleFailure(report, EntryOutcome.OutsideTolerance);
    }

    [Test]
    public void Fails_an_entry_whose_bound_is_one_ulp_short()
    {
        // On the bound with 0 + 0.25 · 2 = 0.5; with the relative part one ulp smaller the bound is 0.5 - 2^-54.
        AssertSingleFailure(Compare([2.0], [1.5], GradientTolerance.Within(0, Math.BitDecrement(0.25))), EntryOutcome.OutsideTolerance);
    }

    [Test]
    public void Stated_bound_is_absolute_plus_relative_times_the_larger_magnitude()
    {
        EntryReport entry = Compare([-4.0], [3.0], GradientTolerance.Within(0.5, 0.25)).WorstEntries[0];
        using (Assert.EnterMultipleScope())
        {
            // 0.5 + 0.25 · max(4, 3) = 1.5 and |-4 - 3| = 7, all exact in binary.
            Assert.That(entry.Bound, Is.EqualTo(1.5));
            Assert.That(entry.AbsoluteError, Is.EqualTo(7.0));
            Assert.That(entry.RelativeError, Is.EqualTo(7.0 / 4.0));
        }
    }

    [Test]
    public void Stated_bound_ignores_the_error_estimate()
    {
        // |a - n| = 0.5 is outside 0.25 whatever n's estimated error.
        TensorReport report = Compare([1.0], [0.5], GradientTolerance.Within(0.25, 0), errors: [10.0]);
        Assert.That(report.Passed, Is.False);
    }

    [Test]
    public void Automatic_bound_is_twice_the_error_estimate_plus_analytic_round_off()
    {
        double[] analytic = [1.0, -3.0, 0.0];
        double[] numeric = [1.25, -2.5, 0.0];
        double[] errors = [0.25, 0.01, 0.0];
        TensorReport report = Compare(analytic, numeric, GradientTolerance.Automatic, errors, worstKept: 3);

        // 2 e(n) + 128 ε (max(|a|, |n|) + max|n| over the tensor), with max|n| = 2.5.
        double[] expected = [(2 * 0.25) + (128 * Epsilon * (1.25 + 2.5)), (2 * 0.01) + (128 * Epsilon * (3 + 2.5)), 128 * Epsilon * 2.5];
        double[] bounds = [.. report.WorstEntries.OrderBy(entry => entry.FlatIndex).Select(entry => entry.Bound)];

        using (Assert.EnterMultipleScope())
        {
            for (int i = 0; i < expected.Length; i++)
            {
                // The same sum in another order: within a few ulps (1e-15 relative).
                Assert.That(bounds[i], Is.EqualTo(expected[i]).Within(1e-15 * expected[i]), $"entry {i}");
            }
        }
    }

    [Test]
    public void Automatic_rule_passes_a_within_twice_the_error_estimate_and_fails_beyond()
    {
        double[] analytic = [1.5, 1.5001];
        double[] numeric = [1.0, 1.0];

        // e(n) = 0.25: the bound is 0.5 + 128 ε (1.5 + 1) ≈ 0.5 + 7e-14, so |a - n| = 0.5 passes and 0.5001 fails.
        TensorReport report = Compare(analytic, numeric, GradientTolerance.Automatic, errors: [0.25, 0.25], worstKept: 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.FailedEntryCount, Is.EqualTo(1));
            Assert.That(report.WorstEntries[0].FlatIndex, Is.EqualTo(1));
        }
    }

    [Test]
    public void Automatic_rule_scales_by_the_largest_finite_numeric_entry_only()
    {
        // Entry 0 is infinite; were it taken as the tensor's scale, every other bound would be infinite and
        // entry 1 (off by 0.5 with no estimated error) would pass.
        TensorReport report = Compare([0.0, 1.5], [double.PositiveInfinity, 1.0], GradientTolerance.Automatic, errors: [0.0, 0.0], worstKept: 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.FailedEntryCount, Is.EqualTo(2));
            // A few ulps (1e-15 relative) for the order of the operations.
            Assert.That(report.WorstEntries[1].Bound, Is.EqualTo(128 * Epsilon * (1.5 + 1.0)).Within(1e-15 * 128 * Epsilon * 2.5));
        }
    }

    [Test]
    public void Counts_every_failing_entry()
    {
        double[] analytic = [1, 2, 3, 4, 5, 6, 7, 8];
        double[] numeric = [1, 2.5, 3, double.NaN, 5, 6, 0, 8];
        TensorReport report = Compare(analytic, numeric, worstKept: 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.FailedEntryCount, Is.EqualTo(3));
            Assert.That(report.EntryCount, Is.EqualTo(8));
            Assert.That(report.Passed, Is.False);
            Assert.That(report.WorstEntries, Has.Count.EqualTo(2), "only as many entries as asked are kept");
        }
    }

    [Test]
    public void Orders_worst_entries_by_how_far_outside_their_bound_with_non_finite_first()
    {
        // Bounds 0.25 (rule below), errors 0.5, 2, 1: ratios 2, 8, 4; the NaN entry ranks above all.
        double[] analytic = [1, 1, 1, 1, 1];
        double[] numeric = [1, 1.5, 3, double.NaN, 2];
        TensorReport report = Compare(analytic, numeric, GradientTolerance.Within(0.25, 0), worstKept: 5);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.WorstEntries.Select(entry => entry.FlatIndex), Is.EqualTo(new[] { 3, 2, 4, 1, 0 }));
            Assert.That(report.WorstEntries[0].Outcome, Is.EqualTo(EntryOutcome.NumericNotFinite));
            Assert.That(report.WorstEntries[^1].Outcome, Is.EqualTo(EntryOutcome.WithinTolerance));
        }
    }

    [Test]
    public void Ranks_a_failure_whose_bound_is_zero_above_finite_ratios_and_below_non_finite_entries()
    {
        // Rule 0 + 0.5 · max(|a|, |n|): entry 0 is 2x outside (|4 - 0| vs 2); entry 1's bound
        // 0.5 · 4.9e-324 rounds to 0, so it is infinitely far outside; entry 2 is NaN.
        TensorReport report = Compare([4, double.Epsilon, double.NaN], [0, 0, 0], GradientTolerance.Within(0, 0.5), worstKept: 3);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.WorstEntries[1].Bound, Is.Zero, "the data must give a zero bound");
            Assert.That(report.WorstEntries.Select(entry => entry.FlatIndex), Is.EqualTo(new[] { 2, 1, 0 }));
        }
    }

    [Test]
    public void Ranks_a_failing_entry_above_passing_ones_even_when_its_error_estimate_is_NaN()
    {
        // Entry 0: a = n exactly, but e(n) is NaN (the cost was NaN at a far stencil point), so it fails;
        // entry 1 passes. Only one entry is kept: it must be the failing one.
        NumericalGradient numeric = Numerics.Smooth([1.0, 1.0], [double.NaN, 1e-3]);
        TensorReport report = GradientComparison.Compare("g", [2], [1.0, 1.0005], numeric, Rule(GradientTolerance.Automatic), 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.FailedEntryCount, Is.EqualTo(1));
            Assert.That(report.WorstEntries.Select(entry => entry.FlatIndex), Is.EqualTo(new[] { 0 }));
        }
    }

    [Test]
    public void Labels_entries_by_their_row_major_index()
    {
        var analytic = new double[12];
        var numeric = new double[12];
        numeric[7] = 1; // flat index 7 of shape (3, 4) is row 1, column 3.
        TensorReport report = GradientComparison.Compare("W2", [3, 4], analytic, Numerics.Smooth(numeric), Rule(Tight), 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.WorstEntries[0].Label, Is.EqualTo("W2[1,3]"));
            Assert.That(report.Name, Is.EqualTo("W2"));
            Assert.That(report.Shape, Is.EqualTo(new[] { 3, 4 }));
        }
    }

    [Test]
    public void Computes_the_norms_of_a_n_and_their_difference()
    {
        TensorReport report = Compare([3, 0], [0, 4]);
        using (Assert.EnterMultipleScope())
        {
            // Exact in binary: ||(3, 0)|| = 3, ||(0, 4)|| = 4, ||(3, -4)|| = 5.
            Assert.That(report.AnalyticNorm, Is.EqualTo(3.0));
            Assert.That(report.NumericNorm, Is.EqualTo(4.0));
            Assert.That(report.DifferenceNorm, Is.EqualTo(5.0));
            Assert.That(report.RelativeDifference, Is.EqualTo(5.0 / 7.0));
        }
    }

    [TestCase(-1.0)]
    [TestCase(0.3)]
    [TestCase(1.0)]
    public void Passes_a_subgradient_between_the_one_sided_derivatives_at_a_kink(double analytic)
    {
        TensorReport report = GradientComparison.Compare("w", [1], [analytic], Kink(value: 0, low: -1, high: 1), Rule(Tight), 8);
        EntryReport entry = report.WorstEntries[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True);
            Assert.That(entry.Outcome, Is.EqualTo(EntryOutcome.Kink));
            Assert.That(entry.Passed, Is.True);
            Assert.That(entry.AbsoluteError, Is.Zero, "the distance to the interval");
            Assert.That(report.KinkCount, Is.EqualTo(1));
            Assert.That(report.Kinks.Select(kink => kink.Label), Is.EqualTo(new[] { "w[0]" }));
            Assert.That(entry.OneSidedLow, Is.EqualTo(-1.0));
            Assert.That(entry.OneSidedHigh, Is.EqualTo(1.0));
        }
    }

    [Test]
    public void A_value_outside_the_one_sided_derivatives_at_a_kink_is_not_checkable_and_a_tensor_of_nothing_else_fails()
    {
        // Rule 0.1 + 0 · max: a = 1.5 is 0.5 beyond High = 1, which kinks meeting at this point allow.
        TensorReport report = GradientComparison.Compare("w", [1], [1.5], Kink(value: 0, low: -1, high: 1), Rule(GradientTolerance.Within(0.1, 0)), 8);
        EntryReport entry = report.WorstEntries[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.FailedEntryCount, Is.Zero);
            Assert.That(report.NotCheckableCount, Is.EqualTo(1));
            Assert.That(report.NothingCheckable, Is.True);
            Assert.That(report.Passed, Is.False, "a tensor none of whose entries could be decided never passes");
            Assert.That(entry.Outcome, Is.EqualTo(EntryOutcome.NotCheckable));
            Assert.That(entry.AbsoluteError, Is.EqualTo(0.5));
            Assert.That(report.KinkCount, Is.EqualTo(1));
        }
    }

    [Test]
    public void Passes_a_value_just_outside_the_one_sided_derivatives_within_the_bound()
    {
        // a = 1.0625 is 0.0625 beyond High = 1, inside the rule's 0.125 (all exact in binary).
        TensorReport report = GradientComparison.Compare("w", [1], [1.0625], Kink(value: 0, low: -1, high: 1), Rule(GradientTolerance.Within(0.125, 0)), 8);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.WorstEntries[0].Outcome, Is.EqualTo(EntryOutcome.Kink));
            Assert.That(report.WorstEntries[0].AbsoluteError, Is.EqualTo(0.0625));
        }
    }

    [Test]
    public void Fails_every_kink_when_the_options_say_kinks_fail_and_ranks_them_first()
    {
        NumericalGradient numeric = Numerics.Smooth([0, 5]);
        numeric.Write(0, numeric[0] with { IsKink = true, Low = -1, High = 1 });

        // Entry 1 is far outside (5 vs 0); the kink, a valid subgradient, still ranks first.
        TensorReport report = GradientComparison.Compare("w", [2], [0, 0], numeric, Rule(Tight, kinksFail: true), 8);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.FailedEntryCount, Is.EqualTo(2));
            Assert.That(report.WorstEntries[0].Outcome, Is.EqualTo(EntryOutcome.KinkNotAllowed));
        }
    }

    [Test]
    public void Counts_every_kink_but_keeps_only_as_many_as_asked()
    {
        NumericalGradient numeric = Numerics.Smooth(new double[5]);
        for (int i = 0; i < 5; i++)
        {
            numeric.Write(i, numeric[i] with { IsKink = true, Low = -1, High = 1 });
        }

        TensorReport report = GradientComparison.Compare("w", [5], new double[5], numeric, Rule(Tight), 2);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.KinkCount, Is.EqualTo(5));
            Assert.That(report.Kinks.Select(kink => kink.FlatIndex), Is.EqualTo(new[] { 0, 1 }), "the first kinks in index order");
            Assert.That(report.Passed, Is.True);
        }
    }

    [Test]
    public void Does_not_count_a_kink_whose_numeric_value_is_not_finite()
    {
        NumericalGradient numeric = Kink(value: double.NaN, low: -1, high: 1);
        TensorReport report = GradientComparison.Compare("w", [1], [0], numeric, Rule(Tight), 8);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.WorstEntries[0].Outcome, Is.EqualTo(EntryOutcome.NumericNotFinite));
            Assert.That(report.KinkCount, Is.Zero);
        }
    }

    [TestCase(EntryOutcome.OutsideTolerance)]
    [TestCase(EntryOutcome.AnalyticNotFinite)]
    [TestCase(EntryOutcome.NumericNotFinite)]
    public void Finds_exactly_the_one_bad_entry_for_every_length_from_1_to_256_under_a_stated_rule(EntryOutcome planted)
    {
        // Every length runs every SIMD width and remainder path of TensorPrimitives. All other entries sit
        // exactly on their bound (a = 2k, n = 1.5k, |a - n| = 0.5k = 0.25 · 2k, exact for integer k),
        // so a lane that computed the bound any differently would fail an entry that should pass.
        AssertOneBadEntryForEveryLength(planted, GradientTolerance.Within(0, 0.25), errorPerK: 0);
    }

    [TestCase(EntryOutcome.OutsideTolerance)]
    [TestCase(EntryOutcome.AnalyticNotFinite)]
    [TestCase(EntryOutcome.NumericNotFinite)]
    public void Finds_exactly_the_one_bad_entry_for_every_length_from_1_to_256_under_the_automatic_rule(EntryOutcome planted)
    {
        // e(n) = 0.25k: |a - n| = 0.5k = 2 e(n) exactly, inside the bound by its 128 ε term only
        // (≈ 1e-10 for k < 1000), so every lane must add the terms as the rule says.
        AssertOneBadEntryForEveryLength(planted, GradientTolerance.Automatic, errorPerK: 0.25);
    }

    [Test]
    public void Counts_random_failures_correctly_for_every_length_from_1_to_256()
    {
        var random = new Random(257);
        for (int length = 1; length <= 256; length++)
        {
            var analytic = new double[length];
            var numeric = new double[length];
            int expectedFailures = 0;
            for (int i = 0; i < length; i++)
            {
                analytic[i] = (2 * random.NextDouble()) - 1;

                // Off by 1e-9 (well inside 1e-6 + 1e-6 |a|) or, one time in five, by 1e-3 (far outside).
                bool bad = random.Next(5) == 0;
                numeric[i] = analytic[i] + (bad ? 1e-3 : 1e-9);
                expectedFailures += bad ? 1 : 0;
            }

            Assert.That(Compare(analytic, numeric).FailedEntryCount, Is.EqualTo(expectedFailures), $"length {length}");
        }
    }

    private static void AssertOneBadEntryForEveryLength(EntryOutcome planted, GradientTolerance tolerance, double errorPerK)
    {
        var random = new Random(256);
        for (int length = 1; length <= 256; length++)
        {
            var analytic = new double[length];
            var numeric = new double[length];
            var errors = new double[length];
            for (int i = 0; i < length; i++)
            {
                int k = random.Next(1, 1000);
                analytic[i] = 2.0 * k;
                numeric[i] = 1.5 * k;
                errors[i] = errorPerK * k;
            }

            int bad = random.Next(length);
            switch (planted)
            {
                case EntryOutcome.OutsideTolerance:
                    numeric[bad] -= 1;
                    break;
                case EntryOutcome.AnalyticNotFinite:
                    analytic[bad] = double.NaN;
                    break;
                default:
                    numeric[bad] = double.PositiveInfinity;
                    break;
            }

            TensorReport report = GradientComparison.Compare("g", [length], analytic, Numerics.Smooth(numeric, errors), Rule(tolerance), 3);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(report.FailedEntryCount, Is.EqualTo(1), $"length {length}, bad entry {bad}");
                Assert.That(report.WorstEntries[0].FlatIndex, Is.EqualTo(bad), $"length {length}");
                Assert.That(report.WorstEntries[0].Outcome, Is.EqualTo(planted), $"length {length}");
            }
        }
    }

    private static ComparisonRule Rule(GradientTolerance tolerance, bool kinksFail = false) => new(tolerance, Epsilon, kinksFail);

    private static NumericalGradient Kink(double value, double low, double high)
    {
        NumericalGradient numeric = Numerics.Smooth([value]);
        numeric.Write(0, numeric[0] with { IsKink = true, Low = low, High = high });
        return numeric;
    }

    private static TensorReport Compare(
        double[] analytic, double[] numeric, GradientTolerance? tolerance = null, double[]? errors = null, int worstKept = 8) =>
        GradientComparison.Compare("g", [analytic.Length], analytic, Numerics.Smooth(numeric, errors), Rule(tolerance ?? Tight), worstKept);

    private static void AssertSingleFailure(TensorReport report, EntryOutcome outcome)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.FailedEntryCount, Is.EqualTo(1));
            Assert.That(report.WorstEntries[0].Outcome, Is.EqualTo(outcome));
            Assert.That(report.WorstEntries[0].Passed, Is.False);
        }
    }
}
