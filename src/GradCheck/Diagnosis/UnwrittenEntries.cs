using System.Globalization;
using GradCheck.Comparison;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Diagnosis;

/// <summary>
/// Entries never written: every wrong entry holds exactly 0 where the numerical value is not 0, and
/// the entries that were written are right (a Jacobian with only its diagonal filled, a gradient buffer
/// only partly assigned). Exactly 0, because a computed value that is wrong is almost never 0 to the bit.
/// </summary>
internal static class UnwrittenEntries
{
    /// <summary>The diagnosis, or null when some wrong entry is not exactly 0 or no entry is right.</summary>
    public static TensorDiagnosis? Diagnose(TensorEntries entries, string name, IReadOnlyList<int> shape, string noun)
    {
        int[] wrong = [.. Enumerable.Range(0, entries.Length).Where(entries.Failed)];
        bool anyRight = Enumerable.Range(0, entries.Length).Any(index => entries.Passed(index) && entries.Analytic[index] != 0);
        if (wrong.Length == 0 || !anyRight || !wrong.All(index => entries.Analytic[index] == 0 && entries.Numeric[index] != 0))
        {
            return null;
        }

        int[] dimensions = [.. shape];
        string[] shown = [.. wrong.Take(3).Select(index => Shapes.EntryLabel(name, index, dimensions))];
        string more = wrong.Length > shown.Length ? string.Create(CultureInfo.InvariantCulture, $" and {wrong.Length - shown.Length} more") : string.Empty;
        return new TensorDiagnosis(
            BugKind.UnwrittenEntries,
            string.Create(CultureInfo.InvariantCulture, $"every wrong entry is exactly 0 where the numerical {noun} is not ({string.Join(", ", shown)}{more}; {wrong.Length} of {entries.Length}), and the entries that are not 0 are right: entries never written?"))
        {
            Locations = shown,
        };
    }
}
