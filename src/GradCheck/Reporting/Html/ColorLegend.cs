using System.Globalization;

namespace GradCheck.Reporting.Html;

/// <summary>
/// The key under each heatmap: the colour bar of <see cref="ColorScale"/> with a tick every four
/// decades, and the two marks that are not heat: a failing entry's outline and NaN's fill.
/// </summary>
internal static class ColorLegend
{
    /// <summary>The legend's width in pixels.</summary>
    public const int Width = 400;

    /// <summary>The legend's height in pixels.</summary>
    public const int Height = 58;

    private const int BarWidth = 256;
    private const int BarHeight = 10;

    // Drawn as one rectangle a step rather than an SVG gradient: a gradient needs an id, and ids
    // must then be unique across every heatmap of the page.
    private const int Steps = 64;

    /// <summary>Writes the legend with its top left corner at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static void Write(TextWriter writer, double x, double y)
    {
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<g class=\"legend\" transform=\"translate({HtmlText.Pixels(x)},{HtmlText.Pixels(y)})\">\n"));
        writer.Write("<text x=\"0\" y=\"9\">relative error |a - n| / max(|a|, |n|), log scale</text>\n");
        double step = (double)BarWidth / Steps;
        for (int i = 0; i < Steps; i++)
        {
            string color = ColorScale.ColorAt((i + 0.5) / Steps);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{HtmlText.Pixels(i * step)}\" y=\"14\" width=\"{HtmlText.Pixels(step + 0.3)}\" height=\"{BarHeight}\" fill=\"{color}\"/>"));
        }

        writer.Write(string.Create(CultureInfo.InvariantCulture, $"\n<rect x=\"0\" y=\"14\" width=\"{BarWidth}\" height=\"{BarHeight}\" fill=\"none\" stroke=\"#999999\" stroke-width=\"0.5\"/>\n"));
        for (int exponent = ColorScale.LowestExponent; exponent <= ColorScale.HighestExponent; exponent += 4)
        {
            double tick = BarWidth * (exponent - ColorScale.LowestExponent) / (double)(ColorScale.HighestExponent - ColorScale.LowestExponent);
            string label = exponent == 0 ? "1" : string.Create(CultureInfo.InvariantCulture, $"1e{exponent}");
            string anchor = exponent == ColorScale.LowestExponent ? "start" : exponent == ColorScale.HighestExponent ? "end" : "middle";
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"<line x1=\"{HtmlText.Pixels(tick)}\" y1=\"{14 + BarHeight}\" x2=\"{HtmlText.Pixels(tick)}\" y2=\"{17 + BarHeight}\" stroke=\"#666666\"/><text x=\"{HtmlText.Pixels(tick)}\" y=\"{28 + BarHeight}\" text-anchor=\"{anchor}\">{label}</text>\n"));
        }

        // The failing mark is drawn the way the heatmap draws it: an outline inside the cell.
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{BarWidth + 17}\" y=\"15\" width=\"8\" height=\"8\" fill=\"#ffffff\" stroke=\"{ColorScale.Failing}\" stroke-width=\"2\"/><text x=\"{BarWidth + 30}\" y=\"23\">fails the rule</text>\n"));
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<rect x=\"{BarWidth + 16}\" y=\"30\" width=\"10\" height=\"10\" fill=\"{ColorScale.NotFinite}\"/>"));
        writer.Write(NotFiniteMark(BarWidth + 16, 30, 10, 10));
        writer.Write(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{BarWidth + 30}\" y=\"39\">NaN or infinite</text>\n</g>\n"));
    }

    /// <summary>A light cross over a NaN cell, so that it differs from the darkest heat even in grey.</summary>
    public static string NotFiniteMark(double x, double y, double width, double height)
    {
        double inset = Math.Min(width, height) * 0.2;
        string x1 = HtmlText.Pixels(x + inset), x2 = HtmlText.Pixels(x + width - inset);
        string y1 = HtmlText.Pixels(y + inset), y2 = HtmlText.Pixels(y + height - inset);
        return $"<path class=\"nan-mark\" d=\"M{x1} {y1}L{x2} {y2}M{x1} {y2}L{x2} {y1}\" stroke=\"#ffffff\" stroke-width=\"1\"/>";
    }
}
