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
    public static TensorReport Compare(string name, int[] shape, double[] analytic, NumericalGradient numeric, ComparisonRule rule, int entriesKept)
    {
        int length = analytic.Length;
        double[] error = new double[length];
        double[] bound = new double[length];

        // |a - n| and max(|a|, |n|), vectorised; the bound follows from the rule.
        TensorPrimitives.Subtract(analytic, numeric.Value, error);
        TensorPrimitives.Abs(error, error);
        TensorPrimitives.MaxMagnitude(analytic, numeric.Value, bound);
        TensorPrimitives.Abs(bound, bound);
        double tensorScale = LargestFinite(numeric.Value);
        WriteBounds(rule, bound, numeric.Error, tensorScale, bound);

        var outcomes = new EntryOutcome[length];
        var worst = new WorstEntries(entriesKept);
        var kinks = new List<int>();
        int failed = 0;
        int kinkCount = 0;
        for (int i = 0; i < length; i++)
        {
            EntryOutcome outcome = OutcomeOf(analytic[i], numeric, i, ref error[i], bound[i], rule.KinksFail);
            outcomes[i] = outcome;
            if (numeric.IsKink[i] && double.IsFinite(numeric.Value[i]))
            {
                kinkCount++;
                if (kinks.Count < entriesKept)
                {
                    kinks.Add(i);
                }
            }

            if (!EntryReport.Passes(outcome))
            {
                failed++;
            }

            worst.Offer(i, Score(outcome, error[i], bound[i]));
        }

        var entries = new TensorEntries(analytic, numeric, error, bound, outcomes, rule, tensorScale);
        var worstEntries = new List<EntryReport>(worst.Count);
        foreach (int index in worst.IndicesWorstFirst())
        {
            worstEntries.Add(TensorReport.EntryOf(name, shape, entries, index));
        }

        List<EntryReport> kinkEntries = [.. kinks.Select(index => TensorReport.EntryOf(name, shape, entries, index))];
        double[] scratch = new double[length];
        double differenceNorm = ScaledNorm.Of(error, scratch);
        double analyticNorm = ScaledNorm.Of(analytic, scratch);
        double numericNorm = ScaledNorm.Of(numeric.Value, scratch);
        return new TensorReport(name, shape, failed, worstEntries, analyticNorm, numericNorm, differenceNorm, entries)
        {
            KinkCount = kinkCount,
            Kinks = kinkEntries,
        };
    }

    /// <summary>
    /// The rule, with NaN handled explicitly: a comparison with NaN is false, so a rule written as
    /// "fail when error > bound" would pass a NaN. Here only a finite error within the bound passes.
    /// At a kink the analytic value is held to the interval spanned by the one-sided derivatives (any
    /// value there is a valid subgradient), and <paramref name="error"/> becomes its distance from it.
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
            return error <= bound ? EntryOutcome.Kink : EntryOutcome.OutsideSubgradient;
        }

        return error <= bound ? EntryOutcome.WithinTolerance : EntryOutcome.OutsideTolerance;
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

    private static double LargestFinite(ReadOnlySpan<double> values)
    {
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
        EntryOutcome.AnalyticNotFinite or EntryOutcome.NumericNotFinite or EntryOutcome.KinkNotAllowed => double.PositiveInfinity,
        _ when double.IsNaN(bound) => double.PositiveInfinity,
        _ when bound > 0 => error / bound,
        _ => error > 0 ? double.MaxValue : 0,
    };
}
