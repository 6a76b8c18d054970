using GradCheck.Comparison;

namespace GradCheck.Reporting.Html;

/// <summary>
/// How a tensor's entries are laid out as a heatmap. A matrix is drawn as it is indexed, row 0 at the
/// top; a tensor of rank above 2 as (shape[0], product of the rest), the view a fully connected layer
/// would flatten it to (when <see cref="SliceHeatmap"/> cannot draw it slice by slice); a vector as one row, wrapped into rows of <see cref="WrapWidth"/> when long.
/// A grid never exceeds <see cref="MaxCells"/> cells a side: larger tensors are cut into blocks, each
/// drawn with its worst entry, so that one wrong weight among 61,440 still shows.
/// </summary>
internal sealed class HeatmapGrid
{
    /// <summary>The most cells drawn along either side; 64 x 64 cells of 6 px fit a laptop screen.</summary>
    public const int MaxCells = 64;

    /// <summary>The row length of a wrapped vector of up to 1024 entries; longer ones wrap at <see cref="MaxCells"/>.</summary>
    public const int WrapWidth = 32;

    private HeatmapGrid(int viewRows, int viewColumns, int blockRows, int blockColumns, int gridColumns, bool isVector, IReadOnlyList<HeatmapCell> cells)
    {
        ViewRows = viewRows;
        ViewColumns = viewColumns;
        BlockRows = blockRows;
        BlockColumns = blockColumns;
        Columns = gridColumns;
        Rows = cells.Count == 0 ? 0 : cells[^1].Row + 1;
        IsVector = isVector;
        Cells = cells;
    }

    /// <summary>The rows of the tensor as viewed: shape[0], or 1 for a vector.</summary>
    public int ViewRows { get; }

    /// <summary>The columns of the tensor as viewed: the product of the other dimensions, or the vector's length.</summary>
    public int ViewColumns { get; }

    /// <summary>How many viewed rows one cell covers (1 unless downsampled).</summary>
    public int BlockRows { get; }

    /// <summary>How many viewed columns one cell covers (1 unless downsampled).</summary>
    public int BlockColumns { get; }

    /// <summary>The number of rows drawn.</summary>
    public int Rows { get; }

    /// <summary>The number of columns drawn.</summary>
    public int Columns { get; }

    /// <summary>Whether the tensor is a vector (rank 0 or 1), laid out in reading order rather than as a matrix.</summary>
    public bool IsVector { get; }

    /// <summary>Whether a long vector is drawn over several rows.</summary>
    public bool IsWrapped => IsVector && Rows > 1;

    /// <summary>Whether cells stand for blocks of entries rather than single entries.</summary>
    public bool IsDownsampled => BlockRows > 1 || BlockColumns > 1;

    /// <summary>The cells in reading order: row by row, left to right.</summary>
    public IReadOnlyList<HeatmapCell> Cells { get; }

    /// <summary>Lays out a tensor's entries, with each cell's worst relative error and failures.</summary>
    public static HeatmapGrid Of(IReadOnlyList<int> shape, TensorEntries entries)
    {
        int count = entries.Length;
        bool isVector = shape.Count <= 1;
        int viewRows = isVector || count == 0 ? 1 : shape[0];
        int viewColumns = viewRows == 0 ? 0 : count / viewRows;
        int blockRows = Math.Max(1, DivideRoundingUp(viewRows, MaxCells));
        int blockColumns = isVector
            ? Math.Max(1, DivideRoundingUp(viewColumns, MaxCells * MaxCells))
            : Math.Max(1, DivideRoundingUp(viewColumns, MaxCells));
        int cellsAcross = DivideRoundingUp(viewColumns, blockColumns);
        int gridColumns = !isVector || cellsAcross <= MaxCells ? cellsAcross
            : cellsAcross <= WrapWidth * WrapWidth ? WrapWidth
            : MaxCells;

        // One pass over the entries checked (every entry, or a partial check's few), each into its cell.
        int cellRows = viewColumns == 0 ? 0 : DivideRoundingUp(viewRows, blockRows);
        var tallies = new CellTally[cellRows * cellsAcross];
        foreach (int index in entries.CheckedIndices)
        {
            int viewRow = index / viewColumns;
            int viewColumn = index % viewColumns;
            tallies[(viewRow / blockRows * cellsAcross) + (viewColumn / blockColumns)].Add(entries, index);
        }

        var cells = new List<HeatmapCell>(tallies.Length);
        for (int firstRow = 0; firstRow < viewRows && viewColumns > 0; firstRow += blockRows)
        {
            for (int firstColumn = 0; firstColumn < viewColumns; firstColumn += blockColumns)
            {
                // A vector's k-th block goes to row k / width; a matrix's block keeps its place.
                int k = cells.Count;
                int row = isVector ? k / gridColumns : firstRow / blockRows;
                int column = isVector ? k % gridColumns : firstColumn / blockColumns;
                int endRow = Math.Min(firstRow + blockRows, viewRows);
                int endColumn = Math.Min(firstColumn + blockColumns, viewColumns);
                cells.Add(tallies[k].Cell(row, column, firstRow, endRow, firstColumn, endColumn, (firstRow * viewColumns) + firstColumn));
            }
        }

        return new HeatmapGrid(viewRows, viewColumns, blockRows, blockColumns, gridColumns, isVector, cells);
    }

    /// <summary>The cell of the single entry at flat <paramref name="index"/>, drawn at (<paramref name="row"/>, <paramref name="column"/>).</summary>
    public static HeatmapCell EntryCell(TensorEntries entries, int index, int row, int column)
    {
        var tally = default(CellTally);
        if (entries.IsChecked(index))
        {
            tally.Add(entries, index);
        }

        return tally.Cell(row, column, index, index + 1, 0, 1, index);
    }

    /// <summary>What a cell's checked entries come to, added in increasing index order.</summary>
    private struct CellTally
    {
        private int worstIndex;
        private double worst;
        private int failed;
        private int notFinite;
        private int checkedCount;

        /// <summary>Adds a checked entry: the first non-finite one, else the largest relative error, is the cell's worst.</summary>
        public void Add(TensorEntries entries, int index)
        {
            if (checkedCount++ == 0)
            {
                worstIndex = index;
                worst = double.NegativeInfinity;
            }

            double relative = entries.RelativeError(index);
            bool finite = double.IsFinite(relative) && double.IsFinite(entries.Analytic[index]) && double.IsFinite(entries.Numeric[index]);
            if (entries.Failed(index))
            {
                failed++;
            }

            if (!finite)
            {
                // The first non-finite entry is the cell's worst: nothing finite can outrank NaN.
                if (notFinite++ == 0)
                {
                    worstIndex = index;
                    worst = double.NaN;
                }
            }
            else if (notFinite == 0 && relative > worst)
            {
                worstIndex = index;
                worst = relative;
            }
        }

        /// <summary>The cell, its worst entry <paramref name="firstEntry"/> when none of its entries was checked.</summary>
        public readonly HeatmapCell Cell(int row, int column, int firstRow, int endRow, int firstColumn, int endColumn, int firstEntry) =>
            new(row, column, firstRow, endRow, firstColumn, endColumn, checkedCount == 0 ? firstEntry : worstIndex, checkedCount == 0 ? double.NegativeInfinity : worst, failed, notFinite, checkedCount);
    }

    private static int DivideRoundingUp(int value, int divisor) => (value + divisor - 1) / divisor;
}
