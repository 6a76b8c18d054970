using System.Xml.Linq;
using GradCheck.Reporting;
using GradCheck.Reporting.Html;
using static GradCheck.Tests.Reporting.Html.HtmlDocument;

namespace GradCheck.Tests.Reporting.Html;

/// <summary>The scatter plots as drawn in the page, their coordinates read back from its SVG.</summary>
public class ScatterPlotTests
{
    [Test]
    public void Draws_a_doubled_gradient_as_a_line_twice_as_steep_as_a_equals_n()
    {
        XElement plot = Scatter(PlantedBugs.DoubledQuadratic(), "theta");
        (double slope, double worstResidual) = Fit(Points(plot));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Points(plot), Has.Length.EqualTo(100));
            Assert.That(IdentitySlope(plot), Is.EqualTo(-1).Within(1e-3), "a = n is the diagonal: both axes have one scale");
            Assert.That(slope / IdentitySlope(plot), Is.EqualTo(2).Within(1e-3), "a = 2n");
            Assert.That(worstResidual, Is.LessThan(0.05), "pixels off the line");
        }
    }

    [Test]
    public void Draws_a_correct_gradient_on_the_diagonal()
    {
        XElement plot = Scatter(PlantedBugs.DoubledW2(), "W1");
        (double slope, double worstResidual) = Fit(Points(plot));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(slope / IdentitySlope(plot), Is.EqualTo(1).Within(1e-3));
            Assert.That(worstResidual, Is.LessThan(0.05));
        }
    }

    [Test]
    public void Draws_failing_points_in_red_after_the_passing_ones()
    {
        XElement[] points = [.. Scatter(PlantedBugs.OneEntryWrong(), "W2").WithClass(Svg + "circle", "point")];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(points, Has.Length.EqualTo(8));
            Assert.That(points[^1].HasClass("failed"), Is.True);
            Assert.That((string?)points[^1].Attribute("fill"), Is.EqualTo(ColorScale.Failing));
            Assert.That(points[^1].Tooltip(), Is.EqualTo("W2[1,3]: a = 2.7500e+00, n = 1.7500e+00 (fails)"));
            Assert.That(points[..^1].Select(point => (string?)point.Attribute("fill")), Has.All.EqualTo(ColorScale.Passing));
        }
    }

    [Test]
    public void Draws_an_entry_whose_a_is_NaN_in_a_band_above_the_plot()
    {
        XElement plot = Scatter(PlantedBugs.NaNInGradient(), "W1");
        XElement area = plot.WithClass(Svg + "rect", "plot-area").Single();
        XElement nan = plot.WithClass(Svg + "circle", "point").Single(point => point.Tooltip().StartsWith("W1[1,2]", StringComparison.Ordinal));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plot.WithClass(Svg + "rect", "band").Count(), Is.EqualTo(1));
            Assert.That(nan.Number("cy"), Is.LessThan(area.Number("y")), "above the plot area");
            Assert.That(nan.Number("cx"), Is.InRange(area.Number("x"), area.Number("x") + area.Number("width")), "at its n, which is finite");
        }
    }

    [Test]
    public void Draws_at_most_2000_points_and_says_how_many_of_how_many()
    {
        XElement plot = Scatter(LargeNetworkReport.Report, "W1");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plot.WithClass(Svg + "circle", "point").Count(), Is.EqualTo(2000));
            Assert.That(plot.WithClass(Svg + "circle", "failed").Count(), Is.EqualTo(501));
            Assert.That(
                plot.Parent!.Element(Xhtml + "figcaption")!.Value,
                Does.Contain("2,000 of 61,440 entries: all 501 failing (red) and 1,499 of 60,939 passing, evenly spaced by index"));
        }
    }

    [Test]
    public void Says_how_many_failing_and_passing_points_it_shows_when_there_are_too_many_of_both()
    {
        XElement plot = Scatter(PlantedBugs.LongVector(), "theta");
        Assert.That(
            plot.Parent!.Element(Xhtml + "figcaption")!.Value,
            Is.EqualTo("Analytic a against numerical n, 2,000 of 10,000 entries: 1,500 of 7,000 failing (red) and 500 of 3,000 passing, evenly spaced by index; the dashed line is a = n."));
    }

    [Test]
    public void Says_none_fail_when_it_shows_some_of_a_passing_tensor()
    {
        XElement plot = Scatter(PlantedBugs.LongVector(length: 2500, wrong: 0), "theta");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(
                plot.Parent!.Element(Xhtml + "figcaption")!.Value,
                Is.EqualTo("Analytic a against numerical n, 2,000 of 2,500 entries, evenly spaced by index, none failing; the dashed line is a = n."));
            Assert.That(plot.WithClass(Svg + "circle", "failed"), Is.Empty);
        }
    }

    [Test]
    public void Labels_both_axes_with_ticks()
    {
        XElement plot = Scatter(PlantedBugs.DoubledQuadratic(), "theta");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plot.WithClass(Svg + "text", "tick").Count(), Is.GreaterThanOrEqualTo(6));
            Assert.That(plot.WithClass(Svg + "text", "axis-title").Select(text => text.Value), Is.EqualTo(new[] { "numerical n (finite differences)", "analytic a (backprop)" }));
        }
    }

    private static XElement Scatter(GradientCheckReport report, string tensor) =>
        Parse(HtmlReport.Create(report, "scatter")).Section(tensor).Descendants(Svg + "svg").Single(svg => svg.HasClass("scatter"));

    private static (double X, double Y)[] Points(XElement plot) =>
        [.. plot.WithClass(Svg + "circle", "point").Select(point => (point.Number("cx"), point.Number("cy")))];

    private static double IdentitySlope(XElement plot)
    {
        XElement line = plot.WithClass(Svg + "line", "identity").Single();
        return (line.Number("y2") - line.Number("y1")) / (line.Number("x2") - line.Number("x1"));
    }

    /// <summary>The least-squares line through the points, in pixels: its slope, and the largest vertical distance of a point from it.</summary>
    private static (double Slope, double WorstResidual) Fit((double X, double Y)[] points)
    {
        double meanX = points.Average(point => point.X);
        double meanY = points.Average(point => point.Y);
        double slope = points.Sum(point => (point.X - meanX) * (point.Y - meanY)) / points.Sum(point => (point.X - meanX) * (point.X - meanX));
        double worst = points.Max(point => Math.Abs(point.Y - meanY - (slope * (point.X - meanX))));
        return (slope, worst);
    }
}
