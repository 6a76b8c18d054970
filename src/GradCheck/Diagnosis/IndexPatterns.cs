using System.Globalization;
using GradCheck.Comparison;
using GradCheck.Reporting;

namespace GradCheck.Diagnosis;

/// <summary>
/// Bookkeeping mistakes that move values to the wrong index: a gradient stored transposed, or every
/// entry holding its neighbour's value. Each is tested as "a[k] equals n at some other index" for
/// every entry that has one.
/// </summary>
internal static class IndexPatterns
{
    /// <summary>
    /// A matrix (r, c), r, c &gt; 1, whose entries in row-major order are those of nᵀ: a[i,j] = n[j,i]
    /// when square, the transpose's data poured into (r, c) otherwise (dWᵀ computed and stored in dW).
    /// </summary>
    public static TensorDiagnosis? Transposed(TensorEntries entries, IReadOnlyList<int> shape, string noun)
    {
        if (shape.Count != 2 || shape[0] < 2 || shape[1] < 2)
        {
            return null;
        }

        int rows = shape[0];
        int columns = shape[1];

        // Flat entry f of the (c, r) transpose is nᵀ[f / r, f % r] = n[f % r, f / r].
        if (!HoldsMoved(entries, flat => (flat % rows * columns) + (flat / rows)))
        {
            return null;
        }

        string description = rows == columns
            ? $"transposed: a[i,j] = n[j,i], the numerical {noun}'s transpose"
            : string.Create(CultureInfo.InvariantCulture, $"stored transposed: its entries, in row-major order, are those of the numerical {noun}'s transpose ({columns}, {rows})");
        return new TensorDiagnosis(BugKind.Transposed, description);
    }

    /// <summary>
    /// Every entry holds the numerical value of its neighbour: along the row-major order, or for a
    /// matrix along its rows or its columns. The entry at the edge, which has no neighbour, may hold
    /// anything (0, or the value from the other end).
    /// </summary>
    public static TensorDiagnosis? ShiftedByOne(TensorEntries entries, IReadOnlyList<int> shape, string noun)
    {
        int length = entries.Length;
        foreach (int step in (ReadOnlySpan<int>)[-1, 1])
        {
            if (HoldsMoved(entries, flat => flat + step is var source && source >= 0 && source < length ? source : -1))
            {
                string which = step < 0 ? "before" : "after";
                return new TensorDiagnosis(
                    BugKind.ShiftedByOne,
                    $"shifted by one: each entry holds the numerical {noun} of the entry {which} it (a[k] = n[k{(step < 0 ? "-" : "+")}1] in row-major order)");
            }
        }

        if (shape.Count != 2 || shape[0] < 2 || shape[1] < 2)
        {
            return null;
        }

        int rows = shape[0];
        int columns = shape[1];
        foreach (int step in (ReadOnlySpan<int>)[-1, 1])
        {
            if (HoldsMoved(entries, flat => flat / columns + step is var row && row >= 0 && row < rows ? flat + (step * columns) : -1))
            {
                return new TensorDiagnosis(BugKind.ShiftedByOne, $"rows shifted by one: row i holds the numerical {noun} of row i{(step < 0 ? "-" : "+")}1");
            }

            if (HoldsMoved(entries, flat => flat % columns + step is var column && column >= 0 && column < columns ? flat + step : -1))
            {
                return new TensorDiagnosis(BugKind.ShiftedByOne, $"columns shifted by one: column j holds the numerical {noun} of column j{(step < 0 ? "-" : "+")}1");
            }
        }

        return null;
    }

    /// <summary>
    /// The entries in reverse order: along the row-major order of a vector, or along the columns (last
    /// index) or the rows (first index) of a tensor of rank 2 or more; the mark of a convolution kernel
    /// flipped once too often, or not at all.
    /// </summary>
    public static TensorDiagnosis? Reversed(TensorEntries entries, IReadOnlyList<int> shape, string noun)
    {
        int length = entries.Length;
        if (shape.Count(size => size > 1) <= 1)
        {
            return length >= 2 && HoldsMoved(entries, flat => length - 1 - flat)
                ? new TensorDiagnosis(BugKind.Reversed, $"reversed: a[k] = n[{length - 1}-k], the numerical {noun} in reverse order (a convolution kernel flipped?)")
                : null;
        }

        int columns = shape[^1];
        int rows = shape[0];
        int rowLength = length / rows;
        if (columns >= 2 && HoldsMoved(entries, flat => flat - (flat % columns) + (columns - 1 - (flat % columns))))
        {
            return new TensorDiagnosis(
                BugKind.Reversed,
                $"reversed along its last index: a[..., j] = n[..., {columns - 1}-j], the numerical {noun} flipped (a convolution kernel flipped?)");
        }

        if (rows >= 2 && rowLength >= 2 && HoldsMoved(entries, flat => ((rows - 1 - (flat / rowLength)) * rowLength) + (flat % rowLength)))
        {
            return new TensorDiagnosis(BugKind.Reversed, $"reversed along its first index: row i holds the numerical {noun} of row {rows - 1}-i");
        }

        return null;
    }

    /// <summary>
    /// Whether a[k] = n[source(k)] for every entry k that has a source (source(k) &gt;= 0), with
    /// at least one such entry that the verdict found wrong: the move explains the failure.
    /// </summary>
    private static bool HoldsMoved(TensorEntries entries, Func<int, int> source) =>
        EntryMatch.Fit(entries, Enumerable.Range(0, entries.Length), entries, source, factor: 1) is { Holds: true, ExplainsAFailure: true };
}
