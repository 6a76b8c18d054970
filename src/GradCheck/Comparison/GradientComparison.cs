using System.Numerics.Tensors;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Comparison;

/// <summary>
/// Holds one tensor's analytic gradient against its numerical one, entry by entry, under a
/// <see cref="GradientTolerance"/>, and keeps the entries furthest outside their bounds.
/// </summary>
internal static class GradientComparison
{
    /// <summary>Compares a and n for one tensor.</summary>
    /// <param name="name">The tensor's name.</param>
    /// <param name="shape">The tensor's shape.</param>
    /// <param name="analytic">a, the backward pass's gradient, in double.</param>
    /// <param name="numeric">n, with its error estimates and kink verdicts.</param>
    /// <param name="rule">The pass rule and what to do at kinks.</param>
    /// <param name="entriesKept">How many of the worst entries, and of the kinks, to keep for the report.</param>
    /// <param name="directions">The random directions a fast check measured the tensor along; empty otherwise.</param>
    public static TensorReport Compare(string name, int[] shape, double[] analytic, NumericalGradient numeric, ComparisonRule rule, int entriesKept, IReadOnlyList<DirectionReport>? directions = null) =>
        Report(name, shape, JudgeEntries(analytic, numeric, rule), entriesKept, directions);

    /// <summary>Holds every entry of one tensor to the rule: its error, its bound and its outcome.</summary>
    /// <param name="analytic">a, the backward pass's gradient, in double.</param>
    /// <param name="numeric">n, with its error estimates and kink verdicts.</param>
    /// <param name="rule">The pass rule and what to do at kinks.</param>
    public static TensorEntries JudgeEntries(double[] analytic, NumericalGradient numeric, ComparisonRule rule)
    {
        int length = analytic.Length;
        double[] error = new double[length];
        double[] bound = new double[length];

        // |a - n| and max(|a|, |n|), vectorised; the bound follows from the rule.
        TensorPrimitives.Subtract(analytic, numeric.Value, error);
        TensorPrimitives.Abs(error, error);
        TensorPrimitives.MaxMagnitude(analytic, numeric.Value, bound);
        TensorPrimitives.Abs(bound, bound);
        double tensorScale = numeric.Scale ?? LargestFinite(numeric.Value);
        WriteBounds(rule, bound, numeric.Error, tensorScale, bound);

        var outcomes = new EntryOutcome[length];
        for (int i = 0; i < length; i++)
        {
            if (!numeric.IsChecked(i))
            {
                outcomes[i] = EntryOutcome.NotChecked;
                error[i] = double.NaN;
                bound[i] = double.NaN;
                continue;
            }

            outcomes[i] = OutcomeOf(analytic[i], numeric, i, ref error[i], bound[i], rule.KinksFail);
        }

        return new TensorEntries(analytic, numeric, error, bound, outcomes, rule, tensorScale);
    }

    /// <summary>One tensor's report from its judged entries: the counts, the worst entries, the kinks and the norms.</summary>
    /// <param name="name">The tensor's name.</param>
    /// <param name="shape">The tensor's shape.</param>
    /// <param name="entries">Every entry, judged (<see cref="JudgeEntries"/>), some perhaps at a nudged point.</param>
    /// <param name="entriesKept">How many of the worst entries, and of the kinks, to keep for the report.</param>
    /// <param name="directions">The random directions a fast check measured the tensor along; empty otherwise.</param>
    /// <param name="taylor">The Taylor-remainder test of the tensor, in a Taylor check; null otherwise.</param>
    public static TensorReport Report(string name, int[] shape, TensorEntries entries, int entriesKept, IReadOnlyList<DirectionReport>? directions = null, TaylorReport? taylor = null)
    {
        var worst = new WorstEntries(entriesKept);
        var kinks = new List<int>();
        int failed = 0;
        int kinkCount = 0;
        int notCheckable = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            EntryOutcome outcome = entries.Outcomes[i];
            if (outcome == EntryOutcome.NotChecked)
            {
                continue;
            }

            if (entries.IsKink[i] && double.IsFinite(entries.Numeric[i]))
            {
                kinkCount++;
                if (kinks.Count < entriesKept)
                {
                    kinks.Add(i);
                }
            }

            if (EntryReport.Fails(outcome))
            {
                failed++;
            }

            notCheckable += outcome == EntryOutcome.NotCheckable ? 1 : 0;

            worst.Offer(i, Score(outcome, entries.Error[i], entries.Bound[i]));
        }

        var worstEntries = new List<EntryReport>(worst.Count);
        foreach (int index in worst.IndicesWorstFirst())
        {
            worstEntries.Add(TensorReport.EntryOf(name, shape, entries, index));
        }

        // The norms are over the entries checked, all of them unless the coverage was partial.
        (double[] checkedError, double[] checkedAnalytic, double[] checkedNumeric) = entries.IsComplete
            ? (entries.Error, entries.Analytic, entries.Numeric)
            : (Checked(entries.Error, entries), Checked(entries.Analytic, entries), Checked(entries.Numeric, entries));
        double[] scratch = new double[checkedError.Length];
        double differenceNorm = ScaledNorm.Of(checkedError, scratch);
        double analyticNorm = ScaledNorm.Of(checkedAnalytic, scratch);
        double numericNorm = ScaledNorm.Of(checkedNumeric, scratch);
        return new TensorReport(name, shape, failed, worstEntries, analyticNorm, numericNorm, differenceNorm, entries)
        {
            KinkCount = kinkCount,
            NotCheckableCount = notCheckable,
            Resolution = Resolution(entries),
            Kinks = [.. kinks.Select(index => TensorReport.EntryOf(name, shape, entries, index))],
            Directions = directions ?? [],
            Taylor = taylor,
        };
    }

    /// <summary>
    /// One value against its numerical estimate, outside a whole-tensor comparison: an entry a fast
    /// check localises, or a derivative along a direction.
    /// </summary>
    /// <param name="analytic">a.</param>
    /// <param name="numeric">The estimates.</param>
    /// <param name="index">The estimate's index in <paramref name="numeric"/>.</param>
    /// <param name="rule">The pass rule.</param>
    /// <param name="scale">What the automatic rule scales the analytic round-off by: the tensor's largest |n| for an entry, the sum of |a u| for a · u.</param>
    /// <param name="error">|a - n|, or at a kink the distance from the one-sided interval.</param>
    /// <param name="bound">The bound the rule allows.</param>
    internal static EntryOutcome Judge(double analytic, NumericalGradient numeric, int index, ComparisonRule rule, double scale, out double error, out double bound)
    {
        double value = numeric.Value[index];
        error = Math.Abs(analytic - value);
        bound = rule.Tolerance.Bound(Math.Max(Math.Abs(analytic), Math.Abs(value)), numeric.Error[index], scale, rule.MachineEpsilon);
        return OutcomeOf(analytic, numeric, index, ref error, bound, rule.KinksFail);
    }

    /// <summary>
    /// The rule, with NaN handled explicitly: a comparison with NaN is false, so a rule written as
    /// "fail when error > bound" would pass a NaN. Here only a finite error within the bound passes.
    /// At a kink the analytic value is held to the interval spanned by the one-sided derivatives (any
    /// value there is a valid subgradient), and <paramref name="error"/> becomes its distance from it;
    /// outside it the entry is not checkable here (kinks may meet), unless the options make kinks fail.
    /// </summary>
    internal static EntryOutcome OutcomeOf(double analytic, NumericalGradient numeric, int index, ref double error, double bound, bool kinksFail)
    {
        if (!double.IsFinite(analytic))
        {
            return EntryOutcome.AnalyticNotFinite;
        }

        if (!double.IsFinite(numeric.Value[index]))
        {
            return EntryOutcome.NumericNotFinite;
        }

        if (numeric.IsKink[index])
        {
            if (kinksFail)
            {
                return EntryOutcome.KinkNotAllowed;
            }

            double low = numeric.Low[index];
            double high = numeric.High[index];
            error = analytic < low ? low - analytic : analytic > high ? analytic - high : 0;
            return error <= bound ? EntryOutcome.Kink : EntryOutcome.NotCheckable;
        }

        return error <= bound ? EntryOutcome.WithinTolerance : EntryOutcome.OutsideTolerance;
    }

    /// <summary>
    /// The smallest relative error of the whole tensor the check was sure to see: a = (1 + r) g, with g
    /// the true derivative and n off it by up to its error e(n), fails an entry once r |n| exceeds its
    /// bound plus e(n), first at the entry with the smallest (bound + e(n)) / max(|a|, |n|). Counted over
    /// the smooth entries whose a is not 0 (a kink's interval says nothing of a relative error, and 1% of
    /// a gradient that is exactly 0 is 0); NaN when there is none.
    /// </summary>
    private static double Resolution(TensorEntries entries)
    {
        double resolution = double.NaN;
        for (int i = 0; i < entries.Length; i++)
        {
            double a = entries.Analytic[i];
            double largest = Math.Max(Math.Abs(a), Math.Abs(entries.Numeric[i]));
            double bound = entries.Bound[i];
            double numericError = entries.NumericError[i];
            if (entries.Outcomes[i] is EntryOutcome.WithinTolerance or EntryOutcome.OutsideTolerance && a != 0 && double.IsFinite(largest) && double.IsFinite(bound) && double.IsFinite(numericError))
            {
                double relative = (bound + numericError) / largest;
                resolution = double.IsNaN(resolution) ? relative : Math.Min(resolution, relative);
            }
        }

        return resolution;
    }

    /// <summary>Writes each entry's bound from max(|a|, |n|) and n's error estimate.</summary>
    private static void WriteBounds(ComparisonRule rule, ReadOnlySpan<double> largest, ReadOnlySpan<double> numericError, double tensorScale, Span<double> bounds)
    {
        GradientTolerance tolerance = rule.Tolerance;
        if (tolerance.IsAutomatic)
        {
            // 2 e(n) + 128 ε (max(|a|, |n|) + max|n|)
            double analyticRoundOff = GradientTolerance.AnalyticUlps * rule.MachineEpsilon;
            TensorPrimitives.Add(largest, tensorScale, bounds);
            TensorPrimitives.Multiply(bounds, analyticRoundOff, bounds);
            TensorPrimitives.MultiplyAdd(numericError, GradientTolerance.ErrorEstimateFactor, bounds, bounds);
        }
        else
        {
            TensorPrimitives.Multiply(largest, tolerance.Relative, bounds);
            TensorPrimitives.Add(bounds, tolerance.Absolute, bounds);
        }
    }

    private static double[] Checked(double[] values, TensorEntries entries) =>
        [.. values.Where((_, index) => entries.IsChecked(index))];

    /// <summary>The largest finite |value|, 0 when there is none: NaN entries (failures, or entries not checked) do not count, nor does an empty tensor.</summary>
    internal static double LargestFinite(ReadOnlySpan<double> values)
    {
        // TensorPrimitives.MaxMagnitude throws on an empty span, and a tensor of a model may have no entries.
        if (values.IsEmpty)
        {
            return 0;
        }

        double largest = Math.Abs(TensorPrimitives.MaxMagnitude(values));
        if (double.IsFinite(largest))
        {
            return largest;
        }

        largest = 0;
        foreach (double value in values)
        {
            if (double.IsFinite(value))
            {
                largest = Math.Max(largest, Math.Abs(value));
            }
        }

        return largest;
    }

    /// <summary>How far outside its bound an entry is; non-finite entries rank first.</summary>
    private static double Score(EntryOutcome outcome, double error, double bound) => outcome switch
    {
        EntryOutcome.NotChecked => double.NegativeInfinity,
        EntryOutcome.AnalyticNotFinite or EntryOutcome.NumericNotFinite or EntryOutcome.KinkNotAllowed => double.PositiveInfinity,
        _ when double.IsNaN(bound) => double.PositiveInfinity,
        _ when bound > 0 => error / bound,
        _ => error > 0 ? double.MaxValue : 0,
    };
}
