using System.Globalization;
using GradCheck.Comparison;

namespace GradCheck.Reporting.Html;

/// <summary>
/// Draws a <see cref="HeatmapGrid"/> as inline SVG: one rectangle per cell, coloured by its worst
/// relative error, outlined in red when any entry in it fails, black with a cross when NaN or
/// infinite; row and column indices along the edges; the colour key below. Each cell's tooltip (an
/// SVG <c>title</c>, so no script is needed) names the entry or block and its numbers.
/// </summary>
internal static class Heatmap
{
    private const int SmallestCell = 4;
    private const int Left = 48;
    private const int Top = 20;

    /// <summary>Writes the heatmap of one tensor.</summary>
    /// <param name="writer">Where to write the SVG.</param>
    /// <param name="tensor">The tensor, for its name and shape.</param>
    /// <param name="entries">Its entries.</param>
    /// <param name="grid">How its entries are laid out.</param>
    /// <param name="compact">Smaller cells, for a tensor that passed.</param>
    public static void Write(TextWriter writer, TensorReport tensor, TensorEntries entries, HeatmapGrid grid, bool compact)
    {
        (double width, double height) = CellSize(grid, compact);
        double gridWidth = grid.Columns * width;
        double gridHeight = grid.Rows * height;
        double svgWidth = Math.Max(Left + gridWidth + 8, Left + ColorLegend.Width);
        double svgHeight = Top + gridHeight + 12 + ColorLegend.Height;
        writer.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"heatmap\" width=\"{HtmlText.Pixels(svgWidth)}\" height=\"{HtmlText.Pixels(svgHeight)}\" viewBox=\"0 0 {HtmlText.Pixels(svgWidth)} {HtmlText.Pixels(svgHeight)}\" role=\"img\" aria-label=\"{HtmlText.Escape("Heatmap of the relative error of " + tensor.Name)}\">\n"));
        WriteIndices(writer, grid, width, height);

        // A gap between cells helps count them where they are large; small cells need every pixel.
        double gap = width >= 10 && height >= 10 ? 1 : 0;
        foreach (HeatmapCell cell in grid.Cells)
        {
            WriteCell(writer, tensor, entries, grid, cell, Left + (cell.Column * width), Top + (cell.Row * height), width - gap, height - gap);
        }

        ColorLegend.Write(writer, Left, Top + gridHeight + 12);
        writer.Write("</svg>\n");
    }

    /// <summary>How to read the heatmap: what a cell is, and how the tensor was laid out to draw it.</summary>
    public static string Caption(HeatmapGrid grid, IReadOnlyList<int> shape)
    {
        int entries = grid.ViewRows * grid.ViewColumns;
        string view = shape.Count > 2
            ? string.Create(CultureInfo.InvariantCulture, $" viewed as ({grid.ViewRows}, {grid.ViewColumns}): dimension 0 down, the others flattened across in row-major order;")
            : string.Empty;
        string layout = (grid.IsVector, grid.IsWrapped) switch
        {
            (true, true) => string.Create(CultureInfo.InvariantCulture, $" wrapped into rows of {grid.Columns} {(grid.IsDownsampled ? "cells" : "entries")}: index = row label + column label;"),
            (true, false) => " left to right;",
            _ => " row 0 at the top;",
        };
        string cells = grid.IsDownsampled
            ? grid.IsVector
                ? $"Worst relative error in each block of {HtmlText.Count(grid.BlockColumns)} consecutive entries ({HtmlText.Count(grid.Cells.Count)} blocks for {HtmlText.Count(entries)} entries),"
                : $"Worst relative error in each block of {HtmlText.Count(grid.BlockRows)} x {HtmlText.Count(grid.BlockColumns)} entries ({HtmlText.Count(grid.Rows)} x {HtmlText.Count(grid.Columns)} blocks for {HtmlText.Count(entries)} entries),"
            : $"Relative error of each of the {HtmlText.Count(entries, "entry", "entries")},";
        string marks = grid.IsDownsampled ? " a block is outlined in red when any entry in it fails" : " failing entries outlined in red";
        return $"{cells}{view}{layout}{marks}. Hover for the numbers.";
    }

    /// <summary>
    /// Cells as large as fit the drawing area (512 x 384 px, or 384 x 288 compact), at most 40 px (24
    /// compact). A vector's cells are square; a matrix's may be up to five times as wide as high or the
    /// reverse, so that a (12288, 5) matrix is drawn tall, as it is, but not as a hair.
    /// </summary>
    public static (double Width, double Height) CellSize(HeatmapGrid grid, bool compact)
    {
        double largest = compact ? 24 : 40;
        double width = Math.Clamp(Math.Floor((compact ? 384.0 : 512.0) / Math.Max(1, grid.Columns)), SmallestCell, largest);
        double height = Math.Clamp(Math.Floor((compact ? 288.0 : 384.0) / Math.Max(1, grid.Rows)), SmallestCell, largest);
        return grid.IsVector
            ? (Math.Min(width, height), Math.Min(width, height))
            : (Math.Min(width, 5 * height), Math.Min(height, 5 * width));
    }

    internal static void WriteCell(TextWriter writer, TensorReport tensor, TensorEntries entries, HeatmapGrid grid, HeatmapCell cell, double x, double y, double width, double height)
    {
        string tooltip = cell.IsSingleEntry
            ? EntryText.Entry(tensor.Name, tensor.Shape, entries, cell.WorstIndex)
            : EntryText.Block(tensor.Name, tensor.Shape, entries, grid, cell);
        string fill = cell.NotChecked ? ColorScale.NotChecked : cell.NotFinite ? ColorScale.NotFinite : ColorScale.Color(cell.WorstRelativeError);
        string kind = (cell.Failed ? " failed" : string.Empty) + (cell.NotFinite ? " not-finite" : string.Empty);

        // A failing cell's outline is drawn inside it (the rectangle shrinks by half the stroke), so it
        // is not covered by the next cell and every failing cell shows all four sides.
        double stroke = cell.Failed ? Math.Min(2, Math.Min(width, height) / 2) : 0;
        string outline = cell.Failed
            ? string.Create(CultureInfo.InvariantCulture, $" stroke=\"{ColorScale.Failing}\" stroke-width=\"{HtmlText.Pixels(stroke)}\"")
            : string.Empty;
        writer.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"<rect class=\"cell{kind}\" x=\"{HtmlText.Pixels(x + (stroke / 2))}\" y=\"{HtmlText.Pixels(y + (stroke / 2))}\" width=\"{HtmlText.Pixels(width - stroke)}\" height=\"{HtmlText.Pixels(height - stroke)}\" fill=\"{fill}\"{outline}><title>{HtmlText.Escape(tooltip)}</title></rect>"));

        // The cross needs room inside the outline; in a smaller cell the black fill alone says NaN.
        double innerWidth = width - (2 * stroke);
        double innerHeight = height - (2 * stroke);
        if (cell.NotFinite && innerWidth >= 6 && innerHeight >= 6)
        {
            writer.Write(ColorLegend.NotFiniteMark(x + stroke, y + stroke, innerWidth, innerHeight));
        }

        writer.Write('\n');
    }

    /// <summary>
    /// Row indices on the left and column indices on top, every few cells so that labels never
    /// collide. For a wrapped vector the row label is the index a row starts at and the column label
    /// the offset within it, so entry = row label + column label.
    /// </summary>
    private static void WriteIndices(TextWriter writer, HeatmapGrid grid, double width, double height)
    {
        // Column labels sit side by side: room for the widest one, about 6 px a digit at 10 px.
        int digits = ((long)grid.Columns * grid.BlockColumns).ToString(CultureInfo.InvariantCulture).Length;
        int columnStep = LabelStep(width, (6 * digits) + 8);
        for (int column = 0; column < grid.Columns; column += columnStep)
        {
            int index = column * grid.BlockColumns;
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<text class=\"index\" x=\"{HtmlText.Pixels(Left + ((column + 0.5) * width))}\" y=\"{Top - 6}\" text-anchor=\"middle\">{index}</text>"));
        }

        int rowStep = LabelStep(height, 13);
        for (int row = 0; row < grid.Rows; row += rowStep)
        {
            long index = grid.IsVector ? (long)row * grid.Columns * grid.BlockColumns : (long)row * grid.BlockRows;
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<text class=\"index\" x=\"{Left - 5}\" y=\"{HtmlText.Pixels(Top + ((row + 0.5) * height) + 3.5)}\" text-anchor=\"end\">{index}</text>"));
        }

        writer.Write('\n');
    }

    /// <summary>The smallest step of 1, 2 or 5 times a power of 10 cells whose labels lie at least <paramref name="spacing"/> px apart.</summary>
    private static int LabelStep(double cellSize, double spacing)
    {
        for (int power = 1; ; power *= 10)
        {
            foreach (int multiple in (ReadOnlySpan<int>)[1, 2, 5])
            {
                if (multiple * power * cellSize >= spacing)
                {
                    return multiple * power;
                }
            }
        }
    }
}
