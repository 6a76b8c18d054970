using System.Globalization;
using GradCheck.Comparison;
using GradCheck.Parameters;

namespace GradCheck.Reporting.Html;

/// <summary>
/// One tensor's part of the page: its name, shape and failed/total counts, its diagnosis when it
/// fails, and its two pictures side by side: where the error is (the heatmap) and what kind of error
/// it is (the scatter plot). A passing tensor's pictures are drawn smaller: they only confirm.
/// </summary>
internal static class TensorSection
{
    /// <summary>The anchor of the tensor's section, from its position in the report, so that names need not be valid ids.</summary>
    public static string Anchor(int position) => string.Create(CultureInfo.InvariantCulture, $"tensor-{position}");

    /// <summary>Writes the section of the tensor at <paramref name="position"/> in the report.</summary>
    public static void Write(TextWriter writer, TensorReport tensor, int position)
    {
        string state = tensor.Passed ? "passed" : "failed";
        string counts = tensor.Passed
            ? $"all {HtmlText.Count(tensor.EntryCount, "entry", "entries")} within tolerance"
            : $"{HtmlText.Count(tensor.FailedEntryCount)} of {HtmlText.Count(tensor.EntryCount, "entry", "entries")} outside tolerance";
        writer.Write($"<section class=\"tensor {state}\" id=\"{Anchor(position)}\">\n");
        writer.Write($"<h2><span class=\"name\">{HtmlText.Escape(tensor.Name)}</span> <span class=\"shape\">{Shapes.Format([.. tensor.Shape])}</span> <span class=\"badge {state}\">{counts}</span></h2>\n");
        if (!tensor.Passed)
        {
            string diagnosis = tensor.Diagnosis?.Description ?? "no diagnosis";
            writer.Write($"<p class=\"diagnosis\"><b>Diagnosis:</b> {HtmlText.Escape(diagnosis)}</p>\n");
        }

        writer.Write($"<p class=\"facts\">{HtmlText.Escape(Facts(tensor))}</p>\n");
        if (tensor.Taylor is { Steps.Count: > 1 } taylor)
        {
            writer.Write("<figure class=\"convergence-figure\">\n");
            ConvergencePlot.Write(writer, taylor, tensor.Name);
            writer.Write($"<figcaption>{HtmlText.Escape(ConvergencePlot.Caption(taylor))}</figcaption>\n</figure>\n");
        }

        // Entries are absent only from a report built by hand through TensorReport's public constructor.
        TensorEntries? entries = tensor.Entries;
        if (entries is null || entries.Length == 0)
        {
            writer.Write("<p class=\"no-pictures\">No entries to draw.</p>\n</section>\n");
            return;
        }

        var grid = HeatmapGrid.Of(tensor.Shape, entries);
        var sample = ScatterSample.Of(entries);
        writer.Write("<div class=\"figures\">\n<figure class=\"heatmap-figure\">\n");
        // A tensor of rank 3 or more as the slices over its last two axes (kernels, images), when every entry fits.
        bool sliced = SliceHeatmap.Fits(tensor.Shape);
        if (sliced)
        {
            SliceHeatmap.Write(writer, tensor, entries, grid, compact: tensor.Passed);
        }
        else
        {
            Heatmap.Write(writer, tensor, entries, grid, compact: tensor.Passed);
        }

        string caption = sliced ? SliceHeatmap.Caption(tensor.Shape, entries.Length) : Heatmap.Caption(grid, tensor.Shape);
        writer.Write($"<figcaption>{HtmlText.Escape(caption)}</figcaption>\n</figure>\n<figure class=\"scatter-figure\">\n");
        ScatterPlot.Write(writer, tensor, entries, sample, compact: tensor.Passed);
        writer.Write($"<figcaption>{HtmlText.Escape(ScatterPlot.Caption(sample))}</figcaption>\n</figure>\n</div>\n</section>\n");
    }

    /// <summary>The relative difference ||a - n|| / (||a|| + ||n||) and the worst entry, the two numbers a reader looks for first.</summary>
    private static string Facts(TensorReport tensor)
    {
        string figure = "||a - n|| / (||a|| + ||n||) = " + HtmlText.Scientific(tensor.RelativeDifference, 2);
        if (tensor.WorstEntries.Count == 0)
        {
            return figure;
        }

        EntryReport worst = tensor.WorstEntries[0];
        return $"{figure}; {(tensor.Passed ? "closest to its bound" : "worst")}: {worst.Label}, a = {HtmlText.Scientific(worst.Analytic, 4)}, n = {HtmlText.Scientific(worst.Numeric, 4)}, relative error {HtmlText.Scientific(worst.RelativeError, 2)}";
    }
}
