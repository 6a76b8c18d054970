using GradCheck.Comparison;

namespace GradCheck.Diagnosis;

/// <summary>
/// The factor c that makes a = c n over a set of entries, by least squares (c = &lt;a, n&gt; / &lt;n, n&gt;,
/// so the largest entries, whose n is most accurate relative to its size, weigh most), and whether
/// every entry of the set then matches.
/// </summary>
internal static class FactorFit
{
    /// <summary>
    /// c over the finite entries among <paramref name="indices"/> that are not kinks (where n is no
    /// derivative); NaN when n is 0 on all of them.
    /// </summary>
    public static double Fit(TensorEntries entries, IEnumerable<int> indices)
    {
        double product = 0;
        double square = 0;
        foreach (int index in indices)
        {
            if (EntryMatch.IsFinite(entries, index) && !entries.IsKink[index])
            {
                double numeric = entries.Numeric[index];
                product += entries.Analytic[index] * numeric;
                square += numeric * numeric;
            }
        }

        return square > 0 ? product / square : double.NaN;
    }

    /// <summary>Whether every finite entry among <paramref name="indices"/> is c n (at least one must be; at a kink, c times a one-sided derivative or between).</summary>
    public static bool Holds(TensorEntries entries, IEnumerable<int> indices, double factor) =>
        double.IsFinite(factor) && EntryMatch.Fit(entries, indices, entries, index => index, factor) is { Holds: true, Compared: > 0 };
}
