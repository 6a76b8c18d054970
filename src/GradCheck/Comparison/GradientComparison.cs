using System.Numerics;
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
    /// <summary>Compares a and n for one tensor whose every entry was differentiated (a Jacobian, a Hessian-vector product).</summary>
    /// <param name="name">The tensor's name.</param>
    /// <param name="shape">The tensor's shape.</param>
    /// <param name="analytic">a, every entry, in double.</param>
    /// <param name="numeric">n, every entry, with its error estimates and kink verdicts.</param>
    /// <param name="rule">The pass rule and what to do at kinks.</param>
    /// <param name="entriesKept">How many of the worst entries, and of the kinks, to keep for the report.</param>
    public static TensorReport Compare(string name, int[] shape, double[] analytic, NumericalGradient numeric, ComparisonRule rule, int entriesKept) =>
        Report(name, shape, JudgeEntries(analytic, numeric, rule), entriesKept);

    /// <summary>Holds every entry differentiated to the rule: its error, its bound and its outcome.</summary>
    /// <param name="analytic">a, the backward pass's gradient.</param>
    /// <param name="numeric">n, with its error estimates and kink verdicts.</param>
    /// <param name="rule">The pass rule and what to do at kinks.</param>
    public static TensorEntries JudgeEntries<T>(AnalyticGradient<T> analytic, NumericalGradient numeric, ComparisonRule rule)
        where T : IFloatingPointIeee754<T>
    {
        (int[]? indices, NumericalColumns columns) = numeric.ByIndex();
        return JudgeInOrder(numeric.Length, indices, analytic.At(indices), columns, numeric.Scale, rule);
    }

    /// <summary>Holds every entry of a tensor differentiated in full to the rule.</summary>
    /// <param name="analytic">a, every entry, in double.</param>
    /// <param name="numeric">n, every entry.</param>
    /// <param name="rule">The pass rule and what to do at kinks.</param>
    public static TensorEntries JudgeEntries(double[] analytic, NumericalGradient numeric, ComparisonRule rule)
    {
        (int[]? indices, NumericalColumns columns) = numeric.ByIndex();
        if (indices is not null || analytic.Length != numeric.Length)
        {
            throw new ArgumentException("Every entry must have been differentiated.", nameof(numeric));
        }

        return JudgeInOrder(numeric.Length, indices: null, analytic, columns, numeric.Scale, rule);
    }

    /// <param name="length">The number of entries of the tensor.</param>
    /// <param name="indices">The entries differentiated, in increasing order; null for every entry.</param>
    /// <param name="analytic">a of each, in that order.</param>
    /// <param name="numeric">n of each, in that order.</param>
    /// <param name="fixedScale">The scale the differentiation fixed, if it did (<see cref="NumericalGradient.Scale"/>).</param>
    /// <param name="rule">The pass rule.</param>
    private static TensorEntries JudgeInOrder(int length, int[]? indices, double[] analytic, NumericalColumns numeric, double? fixedScale, ComparisonRule rule)
    {
        int count = analytic.Length;
        double[] error = new double[count];
        double[] bound = new double[count];

        // |a - n| and max(|a|, |n|), vectorised; the bound follows from the rule.
        TensorPrimitives.Subtract(analytic, numeric.Values, error);
        TensorPrimitives.Abs(error, error);
        TensorPrimitives.MaxMagnitude(analytic, numeric.Values, bound);
        TensorPrimitives.Abs(bound, bound);
        double tensorScale = fixedScale ?? LargestFinite(numeric.Values);
        WriteBounds(rule, bound, numeric.Errors, tensorScale, bound);

        var outcomes = new EntryOutcome[count];
        for (int slot = 0; slot < count; slot++)
        {
            var estimate = new NumericalEstimate(numeric.Values[slot], numeric.Errors[slot], numeric.Lows[slot], numeric.Highs[slot], numeric.Kinks[slot]);
            outcomes[slot] = OutcomeOf(analytic[slot], estimate, ref error[slot], bound[slot], rule.KinksFail);
        }

        return new TensorEntries(length, indices, analytic, numeric, error, bound, outcomes, rule, tensorScale);
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
        foreach (int i in entries.CheckedIndices)
        {
            EntryOutcome outcome = entries.Outcomes[i];
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
        double[] scratch = new double[entries.CheckedCount];
        double differenceNorm = ScaledNorm.Of(entries.Error.Checked, scratch);
        double analyticNorm = ScaledNorm.Of(entries.Analytic.Checked, scratch);
        double numericNorm = ScaledNorm.Of(entries.Numeric.Checked, scratch);
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
    internal static EntryOutcome Judge(double analytic, NumericalGradient numeric, int index, ComparisonRule rule, double scale, out double error, out double bound) =>
        Judge(analytic, numeric[index], rule, scale, out error, out bound);

    /// <inheritdoc cref="Judge(double, NumericalGradient, int, ComparisonRule, double, out double, out double)"/>
    /// <param name="analytic">a.</param>
    /// <param name="numeric">The estimate.</param>
    /// <param name="rule">The pass rule.</param>
    /// <param name="scale">What the automatic rule scales the analytic round-off by.</param>
    /// <param name="error">|a - n|, or at a kink the distance from the one-sided interval.</param>
    /// <param name="bound">The bound the rule allows.</param>
    internal static EntryOutcome Judge(double analytic, in NumericalEstimate numeric, ComparisonRule rule, double scale, out double error, out double bound)
    {
        error = Math.Abs(analytic - numeric.Value);
        bound = rule.Tolerance.Bound(Math.Max(Math.Abs(analytic), Math.Abs(numeric.Value)), numeric.Error, scale, rule.MachineEpsilon);
        return OutcomeOf(analytic, numeric, ref error, bound, rule.KinksFail);
    }

    /// <summary>
    /// The rule, with NaN handled explicitly: a comparison with NaN is false, so a rule written as
    /// "fail when error > bound" would pass a NaN. Here only a finite error within the bound passes.
    /// At a kink the analytic value is held to the interval spanned by the one-sided derivatives (any
    /// value there is a valid subgradient), and <paramref name="error"/> becomes its distance from it;
    /// outside it the entry is not checkable here (kinks may meet), unless the options make kinks fail.
    /// </summary>
    internal static EntryOutcome OutcomeOf(double analytic, in NumericalEstimate numeric, ref double error, double bound, bool kinksFail)
    {
        if (!double.IsFinite(analytic))
        {
            return EntryOutcome.AnalyticNotFinite;
        }

        if (!double.IsFinite(numeric.Value))
        {
            return EntryOutcome.NumericNotFinite;
        }

        if (numeric.IsKink)
        {
            if (kinksFail)
            {
                return EntryOutcome.KinkNotAllowed;
            }

            double low = numeric.Low;
            double high = numeric.High;
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
        foreach (int i in entries.CheckedIndices)
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
