using System.Globalization;
using GradCheck.Comparison;

namespace GradCheck.Reporting.Html;

/// <summary>
/// The heatmap of a tensor of rank 3 or more as a grid of 2-D slices over its last two axes, each
/// labelled with its leading indices, such as <c>[2,1]</c> for <c>W[2,1,:,:]</c>: a convolution kernel
/// (C_out, C_in, 3, 3) shows as C_out rows of C_in 3x3 kernels, a batch of images (N, C, H, W) as N rows
/// of C images, so that a kernel rotated or an image shifted by one shows as what it is. One cell per
/// entry; a tensor too large for that (<see cref="Fits"/>) is drawn flattened (<see cref="HeatmapGrid"/>).
/// </summary>
internal static class SliceHeatmap
{
    /// <summary>The most slices drawn one by one.</summary>
    public const int MostSlices = 256;

    /// <summary>The most slices side by side in a row of the grid.</summary>
    public const int MostAcross = 8;

    private const int Left = 28;
    private const int Top = 8;
    private const int LabelHeight = 14;
    private const int Gap = 10;

    /// <summary>Whether the tensor is of rank 3 or more and small enough to draw every entry of every slice.</summary>
    public static bool Fits(IReadOnlyList<int> shape) =>
        shape.Count >= 3 && shape[^1] <= HeatmapGrid.MaxCells && shape[^2] <= HeatmapGrid.MaxCells
        && Slices(shape) is var slices && slices >= 1 && slices <= MostSlices
        && (long)slices * shape[^1] * shape[^2] <= HeatmapGrid.MaxCells * HeatmapGrid.MaxCells;

    /// <summary>Writes the grid of slices of one tensor as inline SVG.</summary>
    /// <param name="writer">Where to write the SVG.</param>
    /// <param name="tensor">The tensor, for its name and shape.</param>
    /// <param name="entries">Its entries.</param>
    /// <param name="grid">The flattened layout, which the cells' tooltips are written against.</param>
    /// <param name="compact">Smaller cells, for a tensor that passed.</param>
    public static void Write(TextWriter writer, TensorReport tensor, TensorEntries entries, HeatmapGrid grid, bool compact)
    {
        IReadOnlyList<int> shape = tensor.Shape;
        int rows = shape[^2];
        int columns = shape[^1];
        int slices = Slices(shape);
        int across = Across(shape);
        int down = (slices + across - 1) / across;
        double cell = CellSize(columns * across, rows * down, compact);
        double sliceWidth = columns * cell;
        double sliceHeight = rows * cell;
        double gridWidth = (across * (sliceWidth + Gap)) - Gap;
        double gridHeight = down * (LabelHeight + sliceHeight + Gap);
        double svgWidth = Math.Max(Left + gridWidth + 8, Left + ColorLegend.Width);
        double svgHeight = Top + gridHeight + 4 + ColorLegend.Height;
        writer.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap slices\" width=\"{HtmlText.Pixels(svgWidth)}\" height=\"{HtmlText.Pixels(svgHeight)}\" viewBox=\"0 0 {HtmlText.Pixels(svgWidth)} {HtmlText.Pixels(svgHeight)}\" role=\"img\" aria-label=\"{HtmlText.Escape("Heatmap of the relative error of " + tensor.Name + ", slice by slice")}\">\n"));

        // A gap between cells helps count them where they are large; small cells need every pixel.
        double gap = cell >= 10 ? 1 : 0;
        int[] leading = [.. shape.Take(shape.Count - 2)];
        for (int slice = 0; slice < slices; slice++)
        {
            double x = Left + (slice % across * (sliceWidth + Gap));
            double y = Top + (slice / across * (LabelHeight + sliceHeight + Gap));
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"<text class=\"index slice-label\" x=\"{HtmlText.Pixels(x)}\" y=\"{HtmlText.Pixels(y + LabelHeight - 4)}\">{HtmlText.Escape(Label(slice, leading))}</text>\n"));
            if (slice % across == 0)
            {
                WriteRowIndices(writer, rows, cell, y + LabelHeight);
            }

            for (int r = 0; r < rows; r++)
            {
                for (int c = 0; c < columns; c++)
                {
                    int index = (((slice * rows) + r) * columns) + c;
                    HeatmapCell entry = HeatmapGrid.EntryCell(entries, index, r, c);
                    Heatmap.WriteCell(writer, tensor, entries, grid, entry, x + (c * cell), y + LabelHeight + (r * cell), cell - gap, cell - gap);
                }
            }
        }

        ColorLegend.Write(writer, Left, Top + gridHeight + 4);
        writer.Write("</svg>\n");
    }

    /// <summary>How to read the grid of slices.</summary>
    public static string Caption(IReadOnlyList<int> shape, int entryCount)
    {
        string leading = string.Join(",", Enumerable.Repeat("·", shape.Count - 2));
        int across = Across(shape);
        string arrangement = shape.Count == 4 && across == shape[1]
            ? $"one row of slices per index of the first axis, one slice per index of the second across"
            : $"{HtmlText.Count(across)} slices a row, in row-major order of the leading indices";
        return $"Relative error of each of the {HtmlText.Count(entryCount, "entry", "entries")}, in {HtmlText.Count(Slices(shape), "slice", "slices")} [{leading}] over the last two axes ({shape[^2]} x {shape[^1]}, row 0 at the top), each labelled with its leading indices; {arrangement}; failing entries outlined in red. Hover for the numbers.";
    }

    private static int Slices(IReadOnlyList<int> shape) =>
        shape.Take(shape.Count - 2).Aggregate(1, (product, size) => product * size);

    /// <summary>Slices side by side: a rank-4 tensor's second axis when it fits (the input channels of a kernel, the channels of images), else up to <see cref="MostAcross"/>.</summary>
    private static int Across(IReadOnlyList<int> shape) =>
        shape.Count == 4 && shape[1] <= MostAcross ? Math.Max(1, shape[1]) : Math.Min(Slices(shape), MostAcross);

    /// <summary>Square cells as large as fit 512 x 384 px (384 x 288 compact), at most 24 px (16 compact), at least 4.</summary>
    private static double CellSize(int cellsAcross, int cellsDown, bool compact)
    {
        double width = ((compact ? 384.0 : 512.0) - (Gap * MostAcross)) / Math.Max(1, cellsAcross);
        double height = ((compact ? 288.0 : 384.0) - ((LabelHeight + Gap) * 4)) / Math.Max(1, cellsDown);
        return Math.Clamp(Math.Floor(Math.Min(width, height)), 4, compact ? 16 : 24);
    }

    /// <summary>Such as <c>[2,1]</c>: the slice's leading indices.</summary>
    private static string Label(int slice, int[] leading)
    {
        int[] index = new int[leading.Length];
        for (int axis = leading.Length - 1; axis >= 0; axis--)
        {
            index[axis] = slice % leading[axis];
            slice /= leading[axis];
        }

        return "[" + string.Join(",", index) + "]";
    }

    private static void WriteRowIndices(TextWriter writer, int rows, double cell, double top)
    {
        int step = cell >= 13 ? 1 : cell * 5 >= 13 ? 5 : 10;
        for (int row = 0; row < rows; row += step)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<text class=\"index\" x=\"{Left - 5}\" y=\"{HtmlText.Pixels(top + ((row + 0.5) * cell) + 3.5)}\" text-anchor=\"end\">{row}</text>"));
        }

        writer.Write('\n');
    }
}
