using System.Globalization;
using GradCheck.Comparison;

namespace GradCheck.Reporting.Html;

/// <summary>
/// Draws analytic (y) against numerical (x) values as inline SVG, with the line a = n. Both axes share
/// one range and one pixel size, so a correct gradient lies on the diagonal and a gradient off by a
/// factor lies on a line of that slope: a factor of 2 shows as a line twice as steep, a sign flip as
/// the other diagonal. Failing points are red and drawn last. Points where a or n is NaN or infinite
/// sit in a band above (a) or to the right (n) of the plot, so that they are seen, not dropped.
/// </summary>
internal static class ScatterPlot
{
    private const int Left = 64;
    private const int Top = 12;
    private const int Right = 16;
    private const int Bottom = 44;
    private const int Band = 22;

    /// <summary>Writes the scatter plot of the entries <paramref name="sample"/> chose.</summary>
    /// <param name="writer">Where to write the SVG.</param>
    /// <param name="tensor">The tensor, for its name and shape.</param>
    /// <param name="entries">Its entries.</param>
    /// <param name="sample">The entries to draw.</param>
    /// <param name="compact">A plot of 240 px a side rather than 340, for a tensor that passed.</param>
    public static void Write(TextWriter writer, TensorReport tensor, TensorEntries entries, ScatterSample sample, bool compact)
    {
        int size = compact ? 240 : 340;
        int[] shown = [.. sample.Passed, .. sample.Failed];
        bool analyticBand = shown.Any(i => !double.IsFinite(entries.Analytic[i]));
        bool numericBand = shown.Any(i => !double.IsFinite(entries.Numeric[i]));
        double top = Top + (analyticBand ? Band : 0);
        double width = Left + size + Right + (numericBand ? Band : 0);
        double height = top + size + Bottom;

        // One set of values for both axes: the same range, so that the diagonal is a = n.
        double[] values = [.. shown.Select(i => entries.Analytic[i]), .. shown.Select(i => entries.Numeric[i])];
        AxisScale x = AxisScale.Covering(values, Left, Left + size);
        AxisScale y = AxisScale.Covering(values, top + size, top);

        writer.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"scatter\" width=\"{HtmlText.Pixels(width)}\" height=\"{HtmlText.Pixels(height)}\" viewBox=\"0 0 {HtmlText.Pixels(width)} {HtmlText.Pixels(height)}\" role=\"img\" aria-label=\"{HtmlText.Escape("Analytic against numerical gradient of " + tensor.Name)}\">\n"));
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<rect class=\"plot-area\" x=\"{Left}\" y=\"{HtmlText.Pixels(top)}\" width=\"{size}\" height=\"{size}\" fill=\"#fcfcfc\" stroke=\"#bbbbbb\"/>\n"));
        WriteBands(writer, top, size, analyticBand, numericBand);
        WriteAxes(writer, x, y, top, size);
        string a = HtmlText.Pixels(x.ToPixel(x.Low)), b = HtmlText.Pixels(y.ToPixel(y.Low));
        string c = HtmlText.Pixels(x.ToPixel(x.High)), d = HtmlText.Pixels(y.ToPixel(y.High));
        writer.Write($"<line class=\"identity\" x1=\"{a}\" y1=\"{b}\" x2=\"{c}\" y2=\"{d}\" stroke=\"#444444\" stroke-width=\"1\" stroke-dasharray=\"5 3\"/>\n");

        // Along the diagonal, near its upper end, just above it: the line's name where the eye meets it.
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<text class=\"identity-label\" transform=\"translate({HtmlText.Pixels(Left + (0.85 * size))},{HtmlText.Pixels(top + (0.15 * size))}) rotate(-45)\" y=\"-5\" text-anchor=\"middle\">a = n</text>\n"));

        foreach (int index in sample.Passed)
        {
            WritePoint(writer, tensor, entries, index, x, y, failed: false);
        }

        foreach (int index in sample.Failed)
        {
            WritePoint(writer, tensor, entries, index, x, y, failed: true);
        }

        writer.Write("</svg>\n");
    }

    /// <summary>What the plot shows, such as <c>2,000 of 61,440 entries: all 12 failing (red) and 1,988 of 61,428 passing, evenly spaced by index.</c></summary>
    public static string Caption(ScatterSample sample)
    {
        const string identity = "; the dashed line is a = n.";
        if (sample.IsComplete)
        {
            string failing = sample.FailedTotal == 0 ? "none failing" : $"{HtmlText.Count(sample.FailedTotal)} failing in red";
            return $"Analytic a against numerical n, all {HtmlText.Count(sample.Total, "entry", "entries")} ({failing}){identity}";
        }

        string shown = $"Analytic a against numerical n, {HtmlText.Count(sample.Count)} of {HtmlText.Count(sample.Total)} entries";
        if (sample.FailedTotal == 0 || sample.PassedTotal == 0)
        {
            return $"{shown}, evenly spaced by index, {(sample.FailedTotal == 0 ? "none failing" : "all failing (red)")}{identity}";
        }

        string failed = sample.Failed.Count == sample.FailedTotal
            ? $"all {HtmlText.Count(sample.FailedTotal)} failing (red)"
            : $"{HtmlText.Count(sample.Failed.Count)} of {HtmlText.Count(sample.FailedTotal)} failing (red)";
        return $"{shown}: {failed} and {HtmlText.Count(sample.Passed.Count)} of {HtmlText.Count(sample.PassedTotal)} passing, evenly spaced by index{identity}";
    }

    private static void WritePoint(TextWriter writer, TensorReport tensor, TensorEntries entries, int index, AxisScale x, AxisScale y, bool failed)
    {
        // A non-finite value is drawn in the middle of its band, beyond the end of its axis.
        double a = entries.Analytic[index];
        double n = entries.Numeric[index];
        double cx = double.IsFinite(n) ? x.ToPixel(n) : x.ToPixel(x.High) + 1 + (Band / 2.0);
        double cy = double.IsFinite(a) ? y.ToPixel(a) : y.ToPixel(y.High) - 1 - (Band / 2.0);
        string style = failed
            ? $"class=\"point failed\" r=\"3\" fill=\"{ColorScale.Failing}\""
            : $"class=\"point\" r=\"2.5\" fill=\"{ColorScale.Passing}\" fill-opacity=\"0.6\"";
        writer.Write($"<circle {style} cx=\"{HtmlText.Pixels(cx)}\" cy=\"{HtmlText.Pixels(cy)}\"><title>{HtmlText.Escape(EntryText.Point(tensor.Name, tensor.Shape, entries, index))}</title></circle>\n");
    }

    private static void WriteBands(TextWriter writer, double top, int size, bool analyticBand, bool numericBand)
    {
        if (analyticBand)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<rect class=\"band\" x=\"{Left}\" y=\"{HtmlText.Pixels(top - Band)}\" width=\"{size}\" height=\"{Band - 2}\" fill=\"#eeeeee\"/><text class=\"band-label\" x=\"{Left + 5}\" y=\"{HtmlText.Pixels(top - (Band / 2.0) + 2.5)}\">a is NaN or &#x221E;</text>\n"));
        }

        if (numericBand)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<rect class=\"band\" x=\"{Left + size + 2}\" y=\"{HtmlText.Pixels(top)}\" width=\"{Band - 2}\" height=\"{size}\" fill=\"#eeeeee\"/><text class=\"band-label\" transform=\"translate({Left + size + (Band / 2.0) + 1},{HtmlText.Pixels(top + 5)}) rotate(90)\" y=\"3.5\">n is NaN or &#x221E;</text>\n"));
        }
    }

    private static void WriteAxes(TextWriter writer, AxisScale x, AxisScale y, double top, int size)
    {
        foreach (double tick in x.Ticks)
        {
            string px = HtmlText.Pixels(x.ToPixel(tick));
            string line = tick == 0 ? "#aaaaaa" : "#e4e4e4";
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{px}\" y1=\"{HtmlText.Pixels(top)}\" x2=\"{px}\" y2=\"{HtmlText.Pixels(top + size + 4)}\" stroke=\"{line}\"/><text class=\"tick\" x=\"{px}\" y=\"{HtmlText.Pixels(top + size + 16)}\" text-anchor=\"middle\">{x.Label(tick)}</text>\n"));
        }

        foreach (double tick in y.Ticks)
        {
            string py = HtmlText.Pixels(y.ToPixel(tick));
            string line = tick == 0 ? "#aaaaaa" : "#e4e4e4";
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{Left - 4}\" y1=\"{py}\" x2=\"{Left + size}\" y2=\"{py}\" stroke=\"{line}\"/><text class=\"tick\" x=\"{Left - 7}\" y=\"{HtmlText.Pixels(y.ToPixel(tick) + 3.5)}\" text-anchor=\"end\">{y.Label(tick)}</text>\n"));
        }

        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" x=\"{Left + (size / 2)}\" y=\"{HtmlText.Pixels(top + size + 36)}\" text-anchor=\"middle\">numerical n (finite differences)</text>\n"));
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<text class=\"axis-title\" transform=\"translate(14,{HtmlText.Pixels(top + (size / 2.0))}) rotate(-90)\" text-anchor=\"middle\">analytic a (backprop)</text>\n"));
    }
}
