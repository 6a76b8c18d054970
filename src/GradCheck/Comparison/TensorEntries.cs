using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Comparison;

/// <summary>
/// The checked entries of one compared tensor: both gradients, n's error estimate, the error and bound
/// the rule used, and each entry's outcome. A report keeps them so that a diagnosis can look for
/// patterns and a picture can show every entry, not only the worst. A check of every entry keeps every
/// entry; a partial one (a sample, random directions) keeps the entries it differentiated alone, so that
/// what it holds grows with the entries checked, not with the tensor.
/// </summary>
internal sealed class TensorEntries
{
    /// <summary>The entry of each slot, in increasing order; null when every entry was checked (the slot is the entry).</summary>
    private readonly int[]? indices;

    private readonly double[] analytic;
    private readonly double[] numeric;
    private readonly double[] numericError;
    private readonly double[] low;
    private readonly double[] high;
    private readonly bool[] isKink;
    private readonly double[] error;
    private readonly double[] bound;
    private readonly EntryOutcome[] outcomes;

    /// <summary>For each slot, the nudged point its values and verdict are from (1, 2, ...), or 0 for the given point; null when all are from the given point.</summary>
    private readonly int[]? nudgedPoints;

    /// <param name="length">The number of entries of the tensor.</param>
    /// <param name="indices">The entry of each slot, in increasing order; null when every entry was checked.</param>
    /// <param name="analytic">a of each slot, in double.</param>
    /// <param name="numeric">n, e(n) and the one-sided derivatives of each slot.</param>
    /// <param name="error">|a - n| of each slot, or at a kink the distance of a from the one-sided derivatives' interval.</param>
    /// <param name="bound">The bound of each slot.</param>
    /// <param name="outcomes">The outcome of each slot.</param>
    /// <param name="rule">The rule the entries were held to.</param>
    /// <param name="tensorScale">The largest finite |n| at the given point.</param>
    /// <param name="nudgedPoints">For each slot, the nudged point it is from, or 0; null when none is.</param>
    public TensorEntries(int length, int[]? indices, double[] analytic, NumericalColumns numeric, double[] error, double[] bound, EntryOutcome[] outcomes, ComparisonRule rule, double tensorScale, int[]? nudgedPoints = null)
    {
        Length = length;
        this.indices = indices;
        this.analytic = analytic;
        this.numeric = numeric.Values;
        numericError = numeric.Errors;
        low = numeric.Lows;
        high = numeric.Highs;
        isKink = numeric.Kinks;
        this.error = error;
        this.bound = bound;
        this.outcomes = outcomes;
        Rule = rule;
        TensorScale = tensorScale;
        this.nudgedPoints = nudgedPoints;
        NudgedCount = nudgedPoints?.Count(point => point > 0) ?? 0;
    }

    /// <summary>a, in double.</summary>
    public EntryColumn<double> Analytic => new(analytic, indices, double.NaN);

    /// <summary>n.</summary>
    public EntryColumn<double> Numeric => new(numeric, indices, double.NaN);

    /// <summary>e(n), the estimated error of n.</summary>
    public EntryColumn<double> NumericError => new(numericError, indices, double.NaN);

    /// <summary>The smallest one-sided derivative (NaN where none was computed).</summary>
    public EntryColumn<double> Low => new(low, indices, double.NaN);

    /// <summary>The largest one-sided derivative (NaN where none was computed).</summary>
    public EntryColumn<double> High => new(high, indices, double.NaN);

    /// <summary>Whether the cost has a kink at the entry.</summary>
    public EntryColumn<bool> IsKink => new(isKink, indices, false);

    /// <summary>|a - n|, or at a kink the distance of a from the one-sided derivatives' interval.</summary>
    public EntryColumn<double> Error => new(error, indices, double.NaN);

    /// <summary>The largest error the rule allows for the entry.</summary>
    public EntryColumn<double> Bound => new(bound, indices, double.NaN);

    /// <summary>How each entry fared; <see cref="EntryOutcome.NotChecked"/> for an entry not differentiated.</summary>
    public EntryColumn<EntryOutcome> Outcomes => new(outcomes, indices, EntryOutcome.NotChecked);

    /// <summary>The rule the entries were held to.</summary>
    public ComparisonRule Rule { get; }

    /// <summary>The largest finite |n| in the tensor at the given point, which the automatic rule scales round-off by.</summary>
    public double TensorScale { get; }

    /// <summary>How many entries the tensor has.</summary>
    public int Length { get; }

    /// <summary>How many entries were differentiated: all of them, unless the check covered a sample or directions.</summary>
    public int CheckedCount => outcomes.Length;

    /// <summary>Whether every entry was differentiated.</summary>
    public bool IsComplete => CheckedCount == Length;

    /// <summary>The entries differentiated, in increasing order.</summary>
    public IEnumerable<int> CheckedIndices => indices ?? Enumerable.Range(0, Length);

    /// <summary>How many entries were re-checked at a point nudged off the ties (<see cref="NudgedPoint"/>).</summary>
    public int NudgedCount { get; }

    /// <summary>
    /// Which point nudged off the ties the entry's values and verdict are those of (1, 2, ...), where it
    /// was re-checked because kinks may meet along it at the given point (<see cref="WithNudgedEntries"/>);
    /// 0 when they are those of the given point.
    /// </summary>
    public int NudgedPoint(int index) => nudgedPoints is null || SlotOf(index) is not int slot ? 0 : nudgedPoints[slot];

    /// <summary>Whether the entry's values and verdict are those of a nudged point (<see cref="NudgedPoint"/>).</summary>
    public bool IsNudged(int index) => NudgedPoint(index) > 0;

    /// <summary>
    /// These entries with those of <paramref name="recheckedAt"/> replaced by their values at a point nudged
    /// off the ties, and their verdicts there; every other entry keeps its values and verdict.
    /// </summary>
    /// <param name="recheckedAt">The entries re-checked at the nudged point, in increasing order; each was checked here.</param>
    /// <param name="analyticThere">a at the nudged point, readable at least at <paramref name="recheckedAt"/>.</param>
    /// <param name="numericThere">n at the nudged point, with at least <paramref name="recheckedAt"/> differentiated.</param>
    /// <param name="point">Which nudged point it is (1, 2, ...).</param>
    public TensorEntries WithNudgedEntries<T>(int[] recheckedAt, AnalyticGradient<T> analyticThere, NumericalGradient numericThere, int point)
        where T : IFloatingPointIeee754<T>
    {
        var merged = new NumericalColumns((double[])numeric.Clone(), (double[])numericError.Clone(), (double[])low.Clone(), (double[])high.Clone(), (bool[])isKink.Clone());
        double[] mergedAnalytic = (double[])analytic.Clone();
        double[] mergedError = (double[])error.Clone();
        double[] mergedBound = (double[])bound.Clone();
        EntryOutcome[] mergedOutcomes = (EntryOutcome[])outcomes.Clone();
        int[] points = nudgedPoints is null ? new int[CheckedCount] : (int[])nudgedPoints.Clone();

        // Round-off is allowed for relative to the tensor's largest |n| at the given point, or the
        // re-checked entries' at the nudged one when larger: every other entry's bound is left as it was,
        // so that the re-check cannot change their verdicts.
        double scale = Math.Max(TensorScale, GradientComparison.LargestFinite([.. recheckedAt.Select(index => numericThere[index].Value)]));
        foreach (int index in recheckedAt)
        {
            int slot = SlotOf(index) ?? throw new InvalidOperationException($"Entry {index} was re-checked at a nudged point but not checked at the given one.");
            NumericalEstimate there = numericThere[index];
            mergedAnalytic[slot] = analyticThere[index];
            merged.Values[slot] = there.Value;
            merged.Errors[slot] = there.Error;
            merged.Lows[slot] = there.Low;
            merged.Highs[slot] = there.High;
            merged.Kinks[slot] = there.IsKink;
            mergedOutcomes[slot] = GradientComparison.Judge(analyticThere[index], there, Rule, scale, out mergedError[slot], out mergedBound[slot]);
            points[slot] = point;
        }

        return new TensorEntries(Length, indices, mergedAnalytic, merged, mergedError, mergedBound, mergedOutcomes, Rule, TensorScale, points);
    }

    /// <summary>Whether the entry was differentiated.</summary>
    public bool IsChecked(int index) => SlotOf(index) is not null;

    /// <summary>Whether the entry failed the rule (an entry not checked did not).</summary>
    public bool Failed(int index) => EntryReport.Fails(Outcomes[index]);

    /// <summary>The error relative to max(|a|, |n|), 0 when both are 0: the heat of one entry.</summary>
    public double RelativeError(int index)
    {
        double largest = Math.Max(Math.Abs(Analytic[index]), Math.Abs(Numeric[index]));
        return largest == 0 ? 0 : Error[index] / largest;
    }

    /// <summary>Whether the entry passed the rule.</summary>
    public bool Passed(int index) => EntryReport.Passes(Outcomes[index]);

    /// <summary>The slot of entry <paramref name="index"/>; null when it was not checked.</summary>
    private int? SlotOf(int index)
    {
        if (indices is null)
        {
            return (uint)index < (uint)Length ? index : null;
        }

        int slot = Array.BinarySearch(indices, index);
        return slot >= 0 ? slot : null;
    }
}
