using GradCheck.Comparison;

namespace GradCheck.Diagnosis;

/// <summary>
/// Whether an analytic entry equals some other value (c n, a transposed or shifted n, another tensor's
/// n) as closely as it would have to equal n to pass. A diagnosis is a claim like the verdict, so it is
/// held to the same bounds, loosened by <see cref="Slack"/> for the error of a fitted factor.
/// </summary>
internal static class EntryMatch
{
    /// <summary>
    /// How many times its bound an entry may be off and still fit a pattern. The bound covers n's error;
    /// a factor fitted over the tensor adds its own, and a rule given with <c>Within</c> may sit below
    /// n's real accuracy, so the automatic bound is always allowed too.
    /// </summary>
    public const double Slack = 4.0;

    /// <summary>Whether both a and n are finite at the entry: only such entries can follow a pattern.</summary>
    public static bool IsFinite(TensorEntries entries, int index) =>
        double.IsFinite(entries.Analytic[index]) && double.IsFinite(entries.Numeric[index]);

    /// <summary>
    /// Whether a at <paramref name="index"/> is <paramref name="factor"/> times the derivative of
    /// <paramref name="source"/> at <paramref name="from"/>. Where the source has a kink, its derivative
    /// is any value between the one-sided ones (what a correct backward pass may have put there), so a
    /// must lie in that interval, scaled.
    /// </summary>
    private static bool Holds(TensorEntries entries, int index, TensorEntries source, int from, double factor)
    {
        double magnitude = Math.Abs(factor);
        double error = magnitude * source.NumericError[from];
        double scale = magnitude * source.TensorScale;
        if (!source.IsKink[from])
        {
            return Matches(entries, index, factor * source.Numeric[from], error, scale);
        }

        double low = factor * source.Low[from];
        double high = factor * source.High[from];
        (low, high) = low <= high ? (low, high) : (high, low);
        double analytic = entries.Analytic[index];
        double nearest = Math.Clamp(analytic, low, high);
        return Matches(entries, index, nearest, error, scale);
    }

    /// <summary>
    /// Whether a[k] = <paramref name="factor"/> × the derivative of <paramref name="source"/> at
    /// from(k), for every k of <paramref name="indices"/> that has a value to compare (a finite,
    /// from(k) &gt;= 0, the source's n finite there); stops at the first entry that does not match. Every
    /// pattern of the diagnosis (a factor, an index moved, another tensor's gradient) is this test.
    /// </summary>
    public static PatternFit Fit(TensorEntries entries, IEnumerable<int> indices, TensorEntries source, Func<int, int> from, double factor)
    {
        int compared = 0;
        bool explainsAFailure = false;
        foreach (int index in indices)
        {
            int at = from(index);
            if (at < 0 || !double.IsFinite(entries.Analytic[index]) || !double.IsFinite(source.Numeric[at]))
            {
                continue;
            }

            if (!Holds(entries, index, source, at, factor))
            {
                return new PatternFit(Holds: false, compared, explainsAFailure);
            }

            compared++;
            explainsAFailure |= IsWrong(entries, index);
        }

        return new PatternFit(Holds: true, compared, explainsAFailure);
    }

    /// <summary>Whether a at <paramref name="index"/> equals <paramref name="target"/>.</summary>
    /// <param name="entries">The tensor's entries.</param>
    /// <param name="index">The analytic entry.</param>
    /// <param name="target">The value a should have under the pattern; NaN never matches.</param>
    /// <param name="targetError">The estimated error of <paramref name="target"/>.</param>
    /// <param name="targetScale">The largest |value| of the tensor the target comes from.</param>
    private static bool Matches(TensorEntries entries, int index, double target, double targetError, double targetScale)
    {
        double analytic = entries.Analytic[index];
        double largest = Math.Max(Math.Abs(analytic), Math.Abs(target));
        double epsilon = entries.Rule.MachineEpsilon;
        double bound = Math.Max(
            entries.Rule.Tolerance.Bound(largest, targetError, targetScale, epsilon),
            GradientTolerance.Automatic.Bound(largest, targetError, targetScale, epsilon));
        return Math.Abs(analytic - target) <= Slack * bound;
    }

    /// <summary>Whether the verdict found the entry wrong (an entry not checked is not).</summary>
    public static bool IsWrong(TensorEntries entries, int index) => entries.Failed(index);
}
