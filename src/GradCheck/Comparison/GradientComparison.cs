using System.Numerics.Tensors;
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
    /// <param name="numeric">n, the finite-difference gradient.</param>
    /// <param name="roundOff">The estimated round-off error of each n.</param>
    /// <param name="tolerance">The pass rule.</param>
    /// <param name="worstEntriesKept">How many of the worst entries to keep for the report.</param>
    public static TensorReport Compare(
        string name,
        int[] shape,
        ReadOnlySpan<double> analytic,
        ReadOnlySpan<double> numeric,
        ReadOnlySpan<double> roundOff,
        GradientTolerance tolerance,
        int worstEntriesKept)
    {
        int length = analytic.Length;
        double[] error = new double[length];
        double[] bound = new double[length];

        // |a - n| and the per-entry bound atol + rtol * max(|a|, |n|) (+ round-off), vectorised.
        TensorPrimitives.Subtract(analytic, numeric, error);
        TensorPrimitives.Abs(error, error);
        TensorPrimitives.MaxMagnitude(analytic, numeric, bound);
        TensorPrimitives.Abs(bound, bound);
        TensorPrimitives.Multiply(bound, tolerance.Relative, bound);
        TensorPrimitives.Add(bound, tolerance.Absolute, bound);
        if (tolerance.AllowsRoundOff)
        {
            TensorPrimitives.Add(bound, roundOff, bound);
        }

        var worst = new WorstEntries(worstEntriesKept);
        int failed = 0;
        for (int i = 0; i < length; i++)
        {
            EntryOutcome outcome = OutcomeOf(analytic[i], numeric[i], error[i], bound[i]);
            if (outcome != EntryOutcome.WithinTolerance)
            {
                failed++;
            }

            worst.Offer(i, Score(outcome, error[i], bound[i]));
        }

        var entries = new List<EntryReport>(worst.Count);
        foreach (int index in worst.IndicesWorstFirst())
        {
            double a = analytic[index];
            double n = numeric[index];
            double largest = Math.Max(Math.Abs(a), Math.Abs(n));
            double relative = largest == 0 ? 0 : error[index] / largest;
            entries.Add(new EntryReport(
                Shapes.EntryLabel(name, index, shape), index, a, n, error[index], relative, bound[index], OutcomeOf(a, n, error[index], bound[index])));
        }

        double differenceNorm = ScaledNorm.Of(error, bound);
        double analyticNorm = ScaledNorm.Of(analytic, bound);
        double numericNorm = ScaledNorm.Of(numeric, bound);
        return new TensorReport(name, shape, length, failed, entries, analyticNorm, numericNorm, differenceNorm);
    }

    /// <summary>
    /// The rule, with NaN handled explicitly: a comparison with NaN is false, so a rule written as
    /// "fail when error > bound" would pass a NaN. Here only a finite error within the bound passes.
    /// </summary>
    internal static EntryOutcome OutcomeOf(double analytic, double numeric, double error, double bound)
    {
        if (!double.IsFinite(analytic))
        {
            return EntryOutcome.AnalyticNotFinite;
        }

        if (!double.IsFinite(numeric))
        {
            return EntryOutcome.NumericNotFinite;
        }

        return error <= bound ? EntryOutcome.WithinTolerance : EntryOutcome.OutsideTolerance;
    }

    /// <summary>How far outside its bound an entry is; non-finite entries rank first.</summary>
    private static double Score(EntryOutcome outcome, double error, double bound) => outcome switch
    {
        EntryOutcome.AnalyticNotFinite or EntryOutcome.NumericNotFinite => double.PositiveInfinity,
        _ when bound > 0 => error / bound,
        _ => error > 0 ? double.MaxValue : 0,
    };
}
