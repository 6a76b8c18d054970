using GradCheck.Comparison;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Diagnosis;

/// <summary>
/// Where the wrong entries are, when the values themselves follow no pattern over the whole tensor:
/// filling whole rows (one output unit, one example's term), whole columns (one input feature), or a
/// few isolated entries (an index typo, one special case).
/// </summary>
internal static class RegionPatterns
{
    /// <summary>How many wrong entries still count as isolated, at most; more is a scatter, not a pattern.</summary>
    public const int MostIsolatedEntries = 16;

    /// <summary>The share of a row's or column's entries that must be wrong for it to be wrong as a whole.</summary>
    public const double WholeShare = 0.75;

    /// <summary>Wrong entries all in some rows (first index) of a tensor of rank 2 or more, most of each of those rows wrong.</summary>
    public static TensorDiagnosis? WholeRows(TensorEntries entries, string name, IReadOnlyList<int> shape)
    {
        if (shape.Count < 2 || shape[0] < 2 || entries.Length / shape[0] < 2)
        {
            return null;
        }

        int rowLength = entries.Length / shape[0];
        string rest = string.Concat(Enumerable.Repeat(",:", shape.Count - 1));
        return WholeSlices(entries, shape[0], flat => flat / rowLength, row => $"{name}[{row}{rest}]", BugKind.WholeRows, "row", "rows");
    }

    /// <summary>Wrong entries all in some columns (last index) of a tensor of rank 2 or more, most of each of those columns wrong.</summary>
    public static TensorDiagnosis? WholeColumns(TensorEntries entries, string name, IReadOnlyList<int> shape)
    {
        int columns = shape.Count < 2 ? 0 : shape[^1];
        if (columns < 2 || entries.Length / columns < 2)
        {
            return null;
        }

        string rest = string.Concat(Enumerable.Repeat(":,", shape.Count - 1));
        return WholeSlices(entries, columns, flat => flat % columns, column => $"{name}[{rest}{column}]", BugKind.WholeColumns, "column", "columns");
    }

    /// <summary>A few wrong entries, the rest right: listed, each with its factor where one fits.</summary>
    public static TensorDiagnosis? Isolated(TensorEntries entries, string name, IReadOnlyList<int> shape)
    {
        int[] wrong = [.. Enumerable.Range(0, entries.Length).Where(index => EntryMatch.IsWrong(entries, index))];
        int most = Math.Max(1, Math.Min(MostIsolatedEntries, entries.Length / 10));
        if (wrong.Length == 0 || wrong.Length > most)
        {
            return null;
        }

        int[] shapeArray = [.. shape];
        string[] labels = [.. wrong.Select(index => Shapes.EntryLabel(name, index, shapeArray))];
        string[] described = [.. wrong.Select((index, i) => labels[i] + Note(entries, [index]))];
        int right = entries.Length - wrong.Length;
        return new TensorDiagnosis(
            BugKind.IsolatedEntries,
            $"wrong in {Wording.Count(wrong.Length, "isolated entry", "isolated entries")} only: {Wording.List(described)}; the other {Wording.Count(right, "entry is", "entries are")} right")
        {
            Locations = labels,
        };
    }

    private static TensorDiagnosis? WholeSlices(TensorEntries entries, int count, Func<int, int> sliceOf, Func<int, string> label, BugKind kind, string one, string many)
    {
        var members = new List<int>[count];
        int[] wrongCount = new int[count];
        for (int index = 0; index < entries.Length; index++)
        {
            int slice = sliceOf(index);
            (members[slice] ??= []).Add(index);
            if (EntryMatch.IsWrong(entries, index))
            {
                wrongCount[slice]++;
            }
        }

        int[] wrongSlices = [.. Enumerable.Range(0, count).Where(slice => wrongCount[slice] > 0)];
        bool whole = wrongSlices.Length > 0 && wrongSlices.Length < count && wrongSlices.All(slice =>
            wrongCount[slice] >= 2 && wrongCount[slice] >= WholeShare * members[slice].Count);
        if (!whole)
        {
            return null;
        }

        string[] labels = [.. wrongSlices.Select(label)];
        string[] described = [.. wrongSlices.Select((slice, i) => labels[i] + Note(entries, members[slice]))];
        int right = count - wrongSlices.Length;
        return new TensorDiagnosis(
            kind,
            $"wrong in whole {many} only: {Wording.List(described)}; the other {right} {(right == 1 ? one + " is" : many + " are")} right")
        {
            Locations = labels,
        };
    }

    /// <summary>
    /// What a group of wrong entries is: <c> (0)</c>, <c> (2.000x)</c>, <c> (sign flipped)</c>, or nothing,
    /// also when the group's factor cannot be told from 1 or is a ratio to noise (<see cref="FactorFit.IsResolved"/>).
    /// </summary>
    private static string Note(TensorEntries entries, IReadOnlyList<int> indices)
    {
        int[] considered = [.. indices.Where(index => EntryMatch.IsFinite(entries, index))];
        if (considered.Length == 0)
        {
            return string.Empty;
        }

        if (considered.All(index => entries.Analytic[index] == 0))
        {
            return " (0)";
        }

        double factor = FactorFit.Fit(entries, considered);
        if (!FactorFit.Holds(entries, considered, factor) || !FactorFit.IsResolved(entries, considered, factor))
        {
            return string.Empty;
        }

        return Math.Abs(factor + 1) <= GradientDiagnosis.FactorResolution ? " (sign flipped)" : $" ({Wording.Factor(factor)}x)";
    }
}
