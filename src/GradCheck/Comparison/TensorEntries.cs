using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Comparison;

/// <summary>
/// Every entry of one compared tensor, in row-major order: both gradients, n's error estimate, the
/// error and bound the rule used, and each entry's outcome. A report keeps them so that a diagnosis can
/// look for patterns and a picture can show every entry, not only the worst.
/// </summary>
internal sealed class TensorEntries
{
    /// <summary>For each entry, the nudged point its values and verdict are from (1, 2, ...), or 0 for the given point; null when all are from the given point.</summary>
    private readonly int[]? nudgedPoints;

    public TensorEntries(double[] analytic, NumericalGradient numeric, double[] error, double[] bound, EntryOutcome[] outcomes, ComparisonRule rule, double tensorScale)
        : this(analytic, numeric.Value, numeric.Error, numeric.Low, numeric.High, numeric.IsKink, error, bound, outcomes, rule, tensorScale, nudgedPoints: null)
    {
    }

    private TensorEntries(
        double[] analytic,
        double[] numeric,
        double[] numericError,
        double[] low,
        double[] high,
        bool[] isKink,
        double[] error,
        double[] bound,
        EntryOutcome[] outcomes,
        ComparisonRule rule,
        double tensorScale,
        int[]? nudgedPoints)
    {
        Analytic = analytic;
        Numeric = numeric;
        NumericError = numericError;
        Low = low;
        High = high;
        IsKink = isKink;
        Error = error;
        Bound = bound;
        Outcomes = outcomes;
        Rule = rule;
        TensorScale = tensorScale;
        CheckedCount = outcomes.Count(outcome => outcome != EntryOutcome.NotChecked);
        this.nudgedPoints = nudgedPoints;
        NudgedCount = nudgedPoints?.Count(point => point > 0) ?? 0;
    }

    /// <summary>a, in double.</summary>
    public double[] Analytic { get; }

    /// <summary>n.</summary>
    public double[] Numeric { get; }

    /// <summary>e(n), the estimated error of n.</summary>
    public double[] NumericError { get; }

    /// <summary>The smallest one-sided derivative (NaN where none was computed).</summary>
    public double[] Low { get; }

    /// <summary>The largest one-sided derivative (NaN where none was computed).</summary>
    public double[] High { get; }

    /// <summary>Whether the cost has a kink at the entry.</summary>
    public bool[] IsKink { get; }

    /// <summary>|a - n|, or at a kink the distance of a from the one-sided derivatives' interval.</summary>
    public double[] Error { get; }

    /// <summary>The largest error the rule allows for the entry.</summary>
    public double[] Bound { get; }

    /// <summary>How each entry fared.</summary>
    public EntryOutcome[] Outcomes { get; }

    /// <summary>The rule the entries were held to.</summary>
    public ComparisonRule Rule { get; }

    /// <summary>The largest finite |n| in the tensor at the given point, which the automatic rule scales round-off by.</summary>
    public double TensorScale { get; }

    /// <summary>How many entries there are.</summary>
    public int Length => Analytic.Length;

    /// <summary>How many entries were differentiated: all of them, unless the check covered a sample or directions.</summary>
    public int CheckedCount { get; }

    /// <summary>Whether every entry was differentiated.</summary>
    public bool IsComplete => CheckedCount == Length;

    /// <summary>How many entries were re-checked at a point nudged off the ties (<see cref="NudgedPoint"/>).</summary>
    public int NudgedCount { get; }

    /// <summary>
    /// Which point nudged off the ties the entry's values and verdict are those of (1, 2, ...), where it
    /// was re-checked because kinks may meet along it at the given point (<see cref="WithNudgedEntries"/>);
    /// 0 when they are those of the given point.
    /// </summary>
    public int NudgedPoint(int index) => nudgedPoints?[index] ?? 0;

    /// <summary>Whether the entry's values and verdict are those of a nudged point (<see cref="NudgedPoint"/>).</summary>
    public bool IsNudged(int index) => NudgedPoint(index) > 0;

    /// <summary>
    /// These entries with those of <paramref name="indices"/> replaced by their values at a point nudged
    /// off the ties, and their verdicts there; every other entry keeps its values and verdict.
    /// </summary>
    /// <param name="indices">The entries re-checked at the nudged point, in increasing order.</param>
    /// <param name="analytic">a at the nudged point, indexed like the tensor.</param>
    /// <param name="numeric">n at the nudged point, with at least <paramref name="indices"/> differentiated.</param>
    /// <param name="point">Which nudged point it is (1, 2, ...).</param>
    public TensorEntries WithNudgedEntries(int[] indices, double[] analytic, NumericalGradient numeric, int point)
    {
        double[] mergedAnalytic = (double[])Analytic.Clone();
        double[] mergedNumeric = (double[])Numeric.Clone();
        double[] numericError = (double[])NumericError.Clone();
        double[] low = (double[])Low.Clone();
        double[] high = (double[])High.Clone();
        bool[] isKink = (bool[])IsKink.Clone();
        double[] error = (double[])Error.Clone();
        double[] bound = (double[])Bound.Clone();
        EntryOutcome[] outcomes = (EntryOutcome[])Outcomes.Clone();
        int[] points = nudgedPoints is null ? new int[Length] : (int[])nudgedPoints.Clone();

        // Round-off is allowed for relative to the tensor's largest |n| at the given point, or the
        // re-checked entries' at the nudged one when larger: every other entry's bound is left as it was,
        // so that the re-check cannot change their verdicts.
        double scale = Math.Max(TensorScale, GradientComparison.LargestFinite([.. indices.Select(index => numeric.Value[index])]));
        foreach (int index in indices)
        {
            mergedAnalytic[index] = analytic[index];
            mergedNumeric[index] = numeric.Value[index];
            numericError[index] = numeric.Error[index];
            low[index] = numeric.Low[index];
            high[index] = numeric.High[index];
            isKink[index] = numeric.IsKink[index];
            outcomes[index] = GradientComparison.Judge(analytic[index], numeric, index, Rule, scale, out error[index], out bound[index]);
            points[index] = point;
        }

        return new TensorEntries(mergedAnalytic, mergedNumeric, numericError, low, high, isKink, error, bound, outcomes, Rule, TensorScale, points);
    }

    /// <summary>Whether the entry was differentiated.</summary>
    public bool IsChecked(int index) => Outcomes[index] != EntryOutcome.NotChecked;

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
}
