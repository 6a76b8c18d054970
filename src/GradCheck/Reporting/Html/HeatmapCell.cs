namespace GradCheck.Reporting.Html;

/// <summary>
/// One cell of a heatmap: a single entry, or a block of entries drawn as one. A block covers rows
/// [<see cref="FirstRow"/>, <see cref="EndRow"/>) and columns [<see cref="FirstColumn"/>, <see cref="EndColumn"/>)
/// of the tensor as the grid views it (see <see cref="HeatmapGrid"/>).
/// </summary>
/// <param name="Row">The cell's row in the drawn grid, 0 at the top.</param>
/// <param name="Column">The cell's column in the drawn grid, 0 at the left.</param>
/// <param name="FirstRow">The first viewed row the cell covers.</param>
/// <param name="EndRow">One past the last viewed row the cell covers.</param>
/// <param name="FirstColumn">The first viewed column the cell covers.</param>
/// <param name="EndColumn">One past the last viewed column the cell covers.</param>
/// <param name="WorstIndex">The row-major index of the entry with the largest relative error (a non-finite one first).</param>
/// <param name="WorstRelativeError">That entry's relative error: the cell's heat; NaN when it is not finite.</param>
/// <param name="FailedCount">How many entries of the cell fail the rule.</param>
/// <param name="NotFiniteCount">How many checked entries have a, n or a relative error that is NaN or infinite.</param>
/// <param name="CheckedCount">How many entries of the cell were differentiated (all, unless the check was partial).</param>
internal sealed record HeatmapCell(
    int Row,
    int Column,
    int FirstRow,
    int EndRow,
    int FirstColumn,
    int EndColumn,
    int WorstIndex,
    double WorstRelativeError,
    int FailedCount,
    int NotFiniteCount,
    int CheckedCount)
{
    /// <summary>Whether no entry of the cell was differentiated: the cell is drawn in <see cref="ColorScale.NotChecked"/>.</summary>
    public bool NotChecked => CheckedCount == 0;

    /// <summary>How many entries the cell stands for.</summary>
    public int EntryCount => (EndRow - FirstRow) * (EndColumn - FirstColumn);

    /// <summary>Whether the cell is a single entry.</summary>
    public bool IsSingleEntry => EntryCount == 1;

    /// <summary>Whether any entry of the cell fails: the cell is marked.</summary>
    public bool Failed => FailedCount > 0;

    /// <summary>Whether any entry of the cell is NaN or infinite: the cell is drawn in <see cref="ColorScale.NotFinite"/>.</summary>
    public bool NotFinite => NotFiniteCount > 0;
}
