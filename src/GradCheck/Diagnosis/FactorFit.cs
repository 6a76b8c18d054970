using GradCheck.Comparison;

namespace GradCheck.Diagnosis;

/// <summary>
/// The factor c that makes a = c n over a set of entries, by least squares (c = &lt;a, n&gt; / &lt;n, n&gt;,
/// so the largest entries, whose n is most accurate relative to its size, weigh most), whether every
/// entry of the set then matches, and whether the entries can tell c from 1 and from a ratio to noise.
/// </summary>
internal static class FactorFit
{
    /// <summary>
    /// How many times its estimated error n must be, weighed as the fit weighs the entries, for c to be
    /// a factor at all: where n is of the order of its error (0 by construction, say), a / n is a ratio
    /// to noise, however well it fits.
    /// </summary>
    public const double SignalToError = 10.0;

    /// <summary>
    /// c over the finite entries among <paramref name="indices"/> that are not kinks (where n is no
    /// derivative); NaN when n is 0 on all of them.
    /// </summary>
    public static double Fit(TensorEntries entries, IEnumerable<int> indices)
    {
        double product = 0;
        double square = 0;
        foreach (int index in Fitted(entries, indices))
        {
            double numeric = entries.Numeric[index];
            product += entries.Analytic[index] * numeric;
            square += numeric * numeric;
        }

        return square > 0 ? product / square : double.NaN;
    }

    /// <summary>Whether every finite entry among <paramref name="indices"/> is c n (at least one must be; at a kink, c times a one-sided derivative or between).</summary>
    public static bool Holds(TensorEntries entries, IEnumerable<int> indices, double factor) =>
        double.IsFinite(factor) && EntryMatch.Fit(entries, indices, entries, index => index, factor) is { Holds: true, Compared: > 0 };

    /// <summary>
    /// How far from 1 the fitted c can be from the entries' own errors alone: Σ |n| B / Σ n² over the
    /// entries <see cref="Fit"/> uses, B each entry's bound under the automatic rule (2 e(n) plus the
    /// analytic round-off, <see cref="GradientTolerance.Automatic"/>). c - 1 = Σ (a - n) n / Σ n², so
    /// where every |a - n| is within its B, c is within this of 1; and a c no further than this from 1
    /// is no factor the entries can tell from 1: |c - 1| |n| does not exceed B for the entries that
    /// decide the fit. Also the resolution of the check, relative, as those entries see it. NaN when
    /// n is 0 on all of them.
    /// </summary>
    public static double Resolution(TensorEntries entries, IEnumerable<int> indices)
    {
        double weighted = 0;
        double square = 0;
        double epsilon = entries.Rule.MachineEpsilon;
        foreach (int index in Fitted(entries, indices))
        {
            double numeric = entries.Numeric[index];
            double largest = Math.Max(Math.Abs(entries.Analytic[index]), Math.Abs(numeric));
            double bound = GradientTolerance.Automatic.Bound(largest, entries.NumericError[index], entries.TensorScale, epsilon);
            weighted += Math.Abs(numeric) * bound;
            square += numeric * numeric;
        }

        return square > 0 ? weighted / square : double.NaN;
    }

    /// <summary>
    /// Whether c can be named as a factor of these entries: it stands further from 1 than the
    /// <see cref="Resolution"/> of the entries, and n is at least <see cref="SignalToError"/> times
    /// its estimated error (Σ |n| e(n) / Σ n², weighed as the fit weighs the entries).
    /// </summary>
    public static bool IsResolved(TensorEntries entries, IEnumerable<int> indices, double factor)
    {
        int[] fitted = [.. Fitted(entries, indices)];
        return Math.Abs(factor - 1) > Resolution(entries, fitted) && SignalToError * RelativeNoise(entries, fitted) <= 1;
    }

    /// <summary>Σ |n| e(n) / Σ n²: n's own relative error, as the fit weighs the entries.</summary>
    private static double RelativeNoise(TensorEntries entries, int[] fitted)
    {
        double weighted = 0;
        double square = 0;
        foreach (int index in fitted)
        {
            double numeric = entries.Numeric[index];
            weighted += Math.Abs(numeric) * entries.NumericError[index];
            square += numeric * numeric;
        }

        return square > 0 ? weighted / square : double.NaN;
    }

    /// <summary>The entries a fit uses: finite a and n, and no kink (where n is no derivative).</summary>
    private static IEnumerable<int> Fitted(TensorEntries entries, IEnumerable<int> indices) =>
        indices.Where(index => EntryMatch.IsFinite(entries, index) && !entries.IsKink[index]);
}
