using System.Globalization;
using GradCheck.Comparison;
using GradCheck.Parameters;

namespace GradCheck.Reporting.Html;

/// <summary>
/// What a tooltip says about one entry or one block of entries: enough to find it in the code (its
/// label, as the text report prints it) and to see why it fails without opening the text report.
/// </summary>
internal static class EntryText
{
    /// <summary>Such as <c>W1[3,2]</c> (and <c>not checked</c>, for an entry a partial check did not differentiate), then a, n, the relative error and the outcome, one per line, and the nudged point they are from, if any.</summary>
    public static string Entry(string name, IReadOnlyList<int> shape, TensorEntries entries, int index)
    {
        if (!entries.IsChecked(index))
        {
            // A partial check keeps the entries it differentiated alone: of the others it knows nothing more.
            return $"{Shapes.EntryLabel(name, index, [.. shape])}\nnot checked";
        }

        (string a, string n) = AnalyticAndNumeric(entries, index, 7);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Shapes.EntryLabel(name, index, [.. shape])}\na = {a}\nn = {n}\nrelative error {HtmlText.Scientific(entries.RelativeError(index), 2)}, {Outcome(entries, index)}{(entries.IsNudged(index) ? $"\nat nudged point {entries.NudgedPoint(index)}: not checkable at the given point, where kinks may meet" : string.Empty)}");
    }

    /// <summary>The range of a block, its worst entry and how many of its entries fail.</summary>
    public static string Block(string name, IReadOnlyList<int> shape, TensorEntries entries, HeatmapGrid grid, HeatmapCell cell)
    {
        if (cell.NotChecked)
        {
            return $"{Range(name, shape, grid, cell)}: {HtmlText.Count(cell.EntryCount, "entry", "entries")}, none checked";
        }

        string worst = cell.NotFinite
            ? $"{HtmlText.Count(cell.NotFiniteCount, "entry", "entries")} NaN or infinite, first {Shapes.EntryLabel(name, cell.WorstIndex, [.. shape])}"
            : $"worst relative error {HtmlText.Scientific(cell.WorstRelativeError, 2)} at {Shapes.EntryLabel(name, cell.WorstIndex, [.. shape])}";
        return $"{Range(name, shape, grid, cell)}: {HtmlText.Count(cell.EntryCount, "entry", "entries")}\n{worst}\n{HtmlText.Count(cell.FailedCount)} of {HtmlText.Count(cell.CheckedCount)} {(cell.CheckedCount == cell.EntryCount ? string.Empty : "checked ")}fail";
    }

    /// <summary>The scatter plot's shorter line: label, a and n.</summary>
    public static string Point(string name, IReadOnlyList<int> shape, TensorEntries entries, int index)
    {
        (string a, string n) = AnalyticAndNumeric(entries, index, 4);
        return $"{Shapes.EntryLabel(name, index, [.. shape])}: a = {a}, n = {n}{(entries.Failed(index) ? " (fails)" : string.Empty)}";
    }

    /// <summary>An outcome in a few words, such as <c>outside tolerance (bound 1.2e-08 on |a - n|)</c>.</summary>
    public static string Outcome(TensorEntries entries, int index) => entries.Outcomes[index] switch
    {
        EntryOutcome.WithinTolerance => "within tolerance",
        EntryOutcome.OutsideTolerance => $"outside tolerance (|a - n| = {HtmlText.Scientific(entries.Error[index], 2)} > bound {HtmlText.Scientific(entries.Bound[index], 2)})",
        EntryOutcome.AnalyticNotFinite => "fails: a is NaN or infinite",
        EntryOutcome.NumericNotFinite => "fails: the cost is NaN or infinite at a perturbed point",
        EntryOutcome.Kink => "at a kink; a is a valid subgradient",
        EntryOutcome.NotCheckable => "not checkable here: at a kink, a is outside the one-sided derivatives, which kinks meeting here allow",
        EntryOutcome.KinkNotAllowed => "fails: at a kink, and the options make kinks fail",
        EntryOutcome other => other.ToString(),
    };

    /// <summary>a and n with <paramref name="decimals"/> decimals, or as many more as it takes to tell them apart.</summary>
    private static (string Analytic, string Numeric) AnalyticAndNumeric(TensorEntries entries, int index, int decimals)
    {
        double analytic = entries.Analytic[index];
        double numeric = entries.Numeric[index];
        int needed = DistinctDigits.ScientificDecimals([analytic, numeric], decimals);
        return (HtmlText.Scientific(analytic, needed), HtmlText.Scientific(numeric, needed));
    }

    /// <summary>
    /// Such as <c>W1[0..191, 0..4]</c> for a matrix block, <c>b[64..127]</c> for a vector's, and
    /// <c>T rows 0..1, flattened columns 0..59</c> above rank 2, where a block is no rectangle of indices.
    /// </summary>
    private static string Range(string name, IReadOnlyList<int> shape, HeatmapGrid grid, HeatmapCell cell)
    {
        string rows = Span(cell.FirstRow, cell.EndRow);
        string columns = Span(cell.FirstColumn, cell.EndColumn);
        return grid.IsVector ? $"{name}[{columns}]"
            : shape.Count == 2 ? $"{name}[{rows}, {columns}]"
            : $"{name} rows {rows}, flattened columns {columns}";
    }

    private static string Span(int first, int end) => end - first == 1
        ? first.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{first}..{end - 1}");
}
