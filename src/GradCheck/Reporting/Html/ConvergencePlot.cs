using System.Globalization;
using System.Text;

namespace GradCheck.Reporting.Html;

/// <summary>
/// The Taylor test's convergence plot as inline SVG: log10 R1 against log10 h, with reference lines of
/// slope 1 (a wrong gradient) and 2 (a right one) through the last point whose order was read, the noise
/// floor drawn, and the band below <see cref="TaylorReport.FitFactor"/> times it, where orders are not
/// read, shaded. Points whose order was read are filled; the others hollow.
/// </summary>
internal static class ConvergencePlot
{
    private const int Left = 56;
    private const int Top = 12;
    private const int Width = 320;
    private const int Height = 240;
    private const int Bottom = 40;
    private const int Right = 64;

    /// <summary>Writes the plot of <paramref name="taylor"/>, the Taylor test of the tensor named <paramref name="name"/>.</summary>
    public static void Write(TextWriter writer, TaylorReport taylor, string name)
    {
        int count = taylor.Steps.Count;
        double[] x = [.. taylor.Steps.Select(Math.Log10)];
        double[] r = [.. taylor.Remainders.Select(value => value > 0 ? Math.Log10(value) : double.NaN)];
        double[] floor = [.. taylor.NoiseFloors.Select(Math.Log10)];
        double xLow = x.Min(), xHigh = x.Max();
        double[] shown = [.. r.Where(double.IsFinite), .. floor];
        double yLow = Math.Floor(shown.Min()), yHigh = Math.Ceiling(shown.Max());
        if (xHigh <= xLow)
        {
            xLow -= 1;
        }

        double Px(double value) => Left + ((value - xLow) / (xHigh - xLow) * Width);
        double Py(double value) => Top + Height - ((Math.Clamp(value, yLow, yHigh) - yLow) / (yHigh - yLow) * Height);

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"convergence\" width=\"{Left + Width + Right}\" height=\"{Top + Height + Bottom}\" viewBox=\"0 0 {Left + Width + Right} {Top + Height + Bottom}\" role=\"img\" aria-label=\"{HtmlText.Escape("Taylor remainder against step for " + name)}\">\n"));
        svg.Append(Invariant($"<rect class=\"plot-area\" x=\"{Left}\" y=\"{Top}\" width=\"{Width}\" height=\"{Height}\" fill=\"#fcfcfc\" stroke=\"#bbbbbb\"/>\n"));
        for (double tick = Math.Ceiling(yLow); tick <= yHigh; tick += Math.Max(1, Math.Ceiling((yHigh - yLow) / 8)))
        {
            svg.Append(Invariant($"<line x1=\"{Left - 4}\" y1=\"{P(Py(tick))}\" x2=\"{Left + Width}\" y2=\"{P(Py(tick))}\" stroke=\"#e4e4e4\"/><text class=\"tick\" x=\"{Left - 7}\" y=\"{P(Py(tick) + 3.5)}\" text-anchor=\"end\">1e{tick:0}</text>\n"));
        }

        for (double tick = Math.Ceiling(xLow); tick <= xHigh; tick++)
        {
            svg.Append(Invariant($"<line x1=\"{P(Px(tick))}\" y1=\"{Top}\" x2=\"{P(Px(tick))}\" y2=\"{Top + Height + 4}\" stroke=\"#e4e4e4\"/><text class=\"tick\" x=\"{P(Px(tick))}\" y=\"{Top + Height + 16}\" text-anchor=\"middle\">1e{tick:0}</text>\n"));
        }

        // The band where orders are not read, up to FitFactor times the floor, and the floor itself.
        string band = string.Join(" ", Enumerable.Range(0, count).Select(k => $"{P(Px(x[k]))},{P(Py(floor[k] + Math.Log10(TaylorReport.FitFactor)))}"));
        svg.Append(Invariant($"<polygon class=\"noise-band\" points=\"{P(Px(x[0]))},{Top + Height} {band} {P(Px(x[^1]))},{Top + Height}\" fill=\"#eeeeee\"/>\n"));
        svg.Append(Invariant($"<polyline class=\"noise-floor\" points=\"{Line(x, floor, Px, Py)}\" fill=\"none\" stroke=\"#888888\" stroke-dasharray=\"4 3\"/>\n"));
        svg.Append(Invariant($"<text class=\"line-label\" x=\"{Left + Width + 4}\" y=\"{P(Py(floor[^1]) + 3.5)}\">noise</text>\n"));

        // Reference slopes through the last point whose order was read (or the first point).
        int anchor = LastRead(taylor);
        if (double.IsFinite(r[anchor]))
        {
            foreach ((int slope, string color) in new[] { (1, "#e31a1c"), (2, "#2e8b57") })
            {
                // Cut to the plot: the x where the line stays within the y range, within the x range.
                double from = Math.Max(xLow, x[anchor] + ((yLow - r[anchor]) / slope));
                double to = Math.Min(xHigh, x[anchor] + ((yHigh - r[anchor]) / slope));
                if (to <= from)
                {
                    continue;
                }

                double y0 = r[anchor] + (slope * (from - x[anchor]));
                double y1 = r[anchor] + (slope * (to - x[anchor]));
                svg.Append(Invariant($"<line class=\"reference\" x1=\"{P(Px(from))}\" y1=\"{P(Py(y0))}\" x2=\"{P(Px(to))}\" y2=\"{P(Py(y1))}\" stroke=\"{color}\" stroke-width=\"1\" stroke-dasharray=\"6 3\"/>\n"));
                svg.Append(Invariant($"<text class=\"line-label\" x=\"{P(Px(to) + 4)}\" y=\"{P(Py(y1) + 3.5)}\" fill=\"{color}\">slope {slope}</text>\n"));
            }
        }

        svg.Append(Invariant($"<polyline class=\"remainder\" points=\"{Line(x, r, Px, Py)}\" fill=\"none\" stroke=\"#2456a6\" stroke-width=\"1.5\"/>\n"));
        for (int k = 0; k < count; k++)
        {
            if (!double.IsFinite(r[k]))
            {
                continue;
            }

            bool read = (k > 0 && taylor.Fitted[k - 1]) || (k < taylor.Fitted.Count && taylor.Fitted[k]);
            string fill = read ? "#2456a6" : "#ffffff";
            string tip = Invariant($"h = {HtmlText.Scientific(taylor.Steps[k], 3)}, R1 = {HtmlText.Scientific(taylor.Remainders[k], 3)}, noise floor {HtmlText.Scientific(taylor.NoiseFloors[k], 2)}{(k > 0 ? $", order {taylor.Orders[k - 1]:0.00}" : string.Empty)}");
            svg.Append(Invariant($"<circle class=\"point\" cx=\"{P(Px(x[k]))}\" cy=\"{P(Py(r[k]))}\" r=\"3\" fill=\"{fill}\" stroke=\"#2456a6\"><title>{HtmlText.Escape(tip)}</title></circle>\n"));
        }

        svg.Append(Invariant($"<text class=\"axis-title\" x=\"{Left + (Width / 2)}\" y=\"{Top + Height + 34}\" text-anchor=\"middle\">step h</text>\n"));
        svg.Append(Invariant($"<text class=\"axis-title\" transform=\"translate(12,{Top + (Height / 2)}) rotate(-90)\" text-anchor=\"middle\">R1(h)</text>\n"));
        svg.Append("</svg>\n");
        writer.Write(svg.ToString());
    }

    /// <summary>What the plot shows, with the verdict.</summary>
    public static string Caption(TaylorReport taylor) =>
        (taylor.Degree == 2 ? "Taylor remainder R2(h) = |J(x + h u) - J(x) - h a · u - h²/2 u · H u|" : "Taylor remainder R1(h) = |J(x + h u) - J(x) - h a · u|") +
        $" against h, log-log (seed {taylor.Seed}): {taylor.Verdict}. " +
        $"Filled points enter the fit; the shaded band lies below {TaylorReport.FitFactor:0} times the measured noise floor (dashed grey); " +
        (taylor.Degree == 2
            ? "the dashed lines of slope 1 (a wrong gradient) and 2 (a wrong Hessian-vector product; a right one gives 3) pass through the last point read."
            : "the dashed lines of slope 1 (a wrong gradient) and 2 (a right one) pass through the last point read.");

    private static int LastRead(TaylorReport taylor)
    {
        for (int k = taylor.Fitted.Count - 1; k >= 0; k--)
        {
            if (taylor.Fitted[k])
            {
                return k + 1;
            }
        }

        return 0;
    }

    private static string Line(double[] x, double[] y, Func<double, double> px, Func<double, double> py) =>
        string.Join(" ", Enumerable.Range(0, x.Length).Where(k => double.IsFinite(y[k])).Select(k => $"{P(px(x[k]))},{P(py(y[k]))}"));

    private static string P(double value) => HtmlText.Pixels(value);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
