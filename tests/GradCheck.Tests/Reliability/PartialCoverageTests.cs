using System.Numerics;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Reliability;

/// <summary>
/// What a check of a sample or along random directions holds and reads. It keeps the entries it
/// differentiated, not the tensor, so that its memory grows with the entries checked; along random
/// directions it reads the gradient where the user keeps it instead of copying it, and a cost that
/// writes to that gradient while being evaluated is named, never judged on values it wrote.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class PartialCoverageTests<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The entries of the large tensor: far more than any partial check differentiates.</summary>
    private const int Large = 100_000;

    [Test]
    public void A_sampled_check_keeps_the_sampled_entries_alone_and_reads_NaN_elsewhere()
    {
        T[] weights = Weights(Large);
        T[] gradient = GradientOf(weights);

        TensorReport tensor = GradientChecker.Check(() => SumOfSquares(weights), Named(weights), Named(gradient), new GradientCheckOptions { Coverage = CheckCoverage.SampledEntries(16, seed: 7) }).Tensors[0];

        int[] sampled = [.. Enumerable.Range(0, Large).Where(index => tensor.Entry(index).Outcome != EntryOutcome.NotChecked)];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tensor.Passed, Is.True);
            Assert.That((tensor.EntryCount, tensor.CheckedEntryCount, sampled.Length), Is.EqualTo((Large, 16, 16)));
            Assert.That(HeldPerQuantity(tensor), Is.EqualTo(16), "every quantity is held for the 16 entries checked alone");
            Assert.That(sampled.Select(index => tensor.Analytic.Span[index]), Is.EqualTo(sampled.Select(index => double.CreateTruncating(gradient[index]))));
            Assert.That(tensor.Analytic.ToArray().Count(double.IsNaN), Is.EqualTo(Large - 16), "a is not kept for an entry the check did not differentiate");
            Assert.That(tensor.Numeric.ToArray().Count(double.IsNaN), Is.EqualTo(Large - 16));
            Assert.That(tensor.Entry(NotIn(sampled)).Analytic, Is.NaN);
        }
    }

    [Test]
    public void A_fast_check_keeps_the_entries_it_localised_alone_and_finds_the_wrong_one()
    {
        // 10,000 entries, one far off: what a float check's directions and halves resolve above the noise of Σ x².
        T[] weights = Weights(Large / 10);
        T[] gradient = GradientOf(weights);
        int wrong = Large / 30;
        gradient[wrong] += T.CreateTruncating(1000);

        GradientCheckReport report = GradientChecker.Check(() => SumOfSquares(weights), Named(weights), Named(gradient), new GradientCheckOptions { Coverage = CheckCoverage.RandomDirections(seed: 2) });

        TensorReport tensor = report.Tensors[0];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(tensor.WorstEntries[0].FlatIndex, Is.EqualTo(wrong), report.ToString());
            Assert.That(tensor.CheckedEntryCount, Is.LessThan(Large / 1000), "a handful of entries is differentiated one by one");
            Assert.That(HeldPerQuantity(tensor), Is.EqualTo(tensor.CheckedEntryCount));
        }
    }

    [Test]
    public void A_cost_that_writes_the_gradient_is_named_when_the_check_reads_it_in_place(
        [Values(GradientRead.AlongRandomDirections, GradientRead.ByTaylorRemainder)] GradientRead coverage,
        [Values] GradientWrite write)
    {
        T[] weights = Weights(1000);
        ulong[] before = Bits.Of(weights);
        T[] gradient = GradientOf(weights);
        var options = new GradientCheckOptions { Coverage = coverage == GradientRead.AlongRandomDirections ? CheckCoverage.RandomDirections(seed: 1) : CheckCoverage.TaylorRemainder(seed: 1) };

        int calls = 0;
        GradientCheckReport report = GradientChecker.Check(() => { calls++; return WritingCost(weights, gradient, write); }, Named(weights), Named(gradient), options);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.CostEvaluations, Is.EqualTo(calls), "the evaluations made before the check stopped, not those it set out to make");
            Assert.That(report.Obstacles.Select(obstacle => obstacle.Kind), Is.EqualTo(new[] { CheckObstacleKind.CostModifiedGradient }), report.ToString());
            Assert.That(report.ToString(), Does.Contain("the gradient given for w changed while the check evaluated the cost").And.Contain("give the check a copy of the gradient"));
            Assert.That(Bits.Of(weights), Is.EqualTo(before), "the parameters are restored");
        }
    }

    [Test]
    public void A_cost_that_writes_the_gradient_is_checked_as_any_other_when_the_check_copies_what_it_reads(
        [Values(GradientRead.EveryEntry, GradientRead.SampledEntries)] GradientRead coverage,
        [Values] GradientWrite write)
    {
        T[] weights = Weights(1000);
        T[] gradient = GradientOf(weights);
        var options = new GradientCheckOptions { Coverage = coverage == GradientRead.EveryEntry ? CheckCoverage.EveryEntry : CheckCoverage.SampledEntries(16, seed: 1) };

        GradientCheckReport report = GradientChecker.Check(() => WritingCost(weights, gradient, write), Named(weights), Named(gradient), options);

        Assert.That(report.Passed, Is.True, report.ToString());
    }

    /// <summary>How many entries the report holds each quantity for.</summary>
    private static int HeldPerQuantity(TensorReport tensor)
    {
        int[] lengths = [tensor.Entries.Analytic.Checked.Length, tensor.Entries.Numeric.Checked.Length, tensor.Entries.Error.Checked.Length, tensor.Entries.Bound.Checked.Length, tensor.Entries.Outcomes.Checked.Length];
        Assert.That(lengths, Is.All.EqualTo(lengths[0]));
        return lengths[0];
    }

    private static Dictionary<string, T[]> Named(T[] values) => new() { ["w"] = values };

    private static int NotIn(int[] sampled) => Enumerable.Range(0, Large).First(index => Array.BinarySearch(sampled, index) < 0);

    private static T[] Weights(int length) => [.. Enumerable.Range(0, length).Select(i => T.CreateTruncating(Math.Sin(i + 0.5)))];

    private static T[] GradientOf(T[] weights) => [.. weights.Select(w => T.CreateTruncating(2) * w)];

    private static T SumOfSquares(T[] weights) => T.CreateTruncating(weights.Sum(w => double.CreateTruncating(w * w)));

    private static T WritingCost(T[] weights, T[] gradient, GradientWrite write)
    {
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] = write == GradientWrite.Clears ? T.Zero : T.CreateTruncating(2) * weights[i];
        }

        return SumOfSquares(weights);
    }
}
