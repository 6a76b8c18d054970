using System.Globalization;
using System.Xml.Linq;
using GradCheck.Reporting;
using GradCheck.Tests.Taylor;
using static GradCheck.Tests.Reporting.Html.HtmlDocument;

namespace GradCheck.Tests.Reporting.Html;

public class ConvergencePlotTests
{
    private static readonly GradientCheckOptions Taylor = new() { Coverage = CheckCoverage.TaylorRemainder() };

    [Test]
    public void Draws_the_remainders_the_noise_floor_and_slopes_one_and_two_in_a_Taylor_check()
    {
        double[] x = MixedCost.Point<double>(6, seed: 2);
        double[] wrong = [.. MixedCost.Gradient(x).Select(value => 1.5 * value)];
        GradientCheckReport report = GradientChecker.Check(MixedCost.Cost, x, wrong, Taylor);

        XDocument document = Parse(HtmlReport.Create(report, "a test"));
        XElement plot = document.Descendants(Svg + "svg").Single(svg => (string?)svg.Attribute("class") == "convergence");
        TaylorReport taylor = report.Tensors[0].Taylor!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(plot.Descendants(Svg + "circle").Count(), Is.EqualTo(taylor.Steps.Count));
            Assert.That(plot.Descendants(Svg + "polyline").Select(line => (string?)line.Attribute("class")), Is.EquivalentTo(new[] { "noise-floor", "remainder" }));
            Assert.That(plot.Descendants(Svg + "text").Select(text => text.Value), Has.Member("slope 1").And.Member("slope 2").And.Member("noise"));
            Assert.That(document.Descendants(Xhtml + "figcaption").Select(caption => caption.Value), Has.Some.Contains("R1 shrinks as h^"));
        }
    }

    [Test]
    public void Draws_larger_steps_to_the_right_and_the_remainder_falling_with_the_step()
    {
        double[] x = MixedCost.Point<double>(6, seed: 2);
        double[] wrong = [.. MixedCost.Gradient(x).Select(value => 1.5 * value)];
        GradientCheckReport report = GradientChecker.Check(MixedCost.Cost, x, wrong, Taylor);
        XElement plot = Parse(HtmlReport.Create(report, "a test")).Descendants(Svg + "svg").Single(svg => (string?)svg.Attribute("class") == "convergence");

        // Larger steps to the right; the remainder's points fall with h (SVG's y grows downwards).
        double[] cx = [.. plot.Descendants(Svg + "circle").Select(circle => double.Parse((string)circle.Attribute("cx")!, CultureInfo.InvariantCulture))];
        double[] cy = [.. plot.Descendants(Svg + "circle").Select(circle => double.Parse((string)circle.Attribute("cy")!, CultureInfo.InvariantCulture))];
        Assert.That(cx, Is.Ordered.Descending);
        Assert.That(cy, Is.Ordered.Ascending);
    }

    [Test]
    public void Draws_no_convergence_plot_in_a_full_check()
    {
        double[] x = MixedCost.Point<double>(6, seed: 2);
        GradientCheckReport report = GradientChecker.Check(MixedCost.Cost, x, MixedCost.Gradient(x));
        Assert.That(Parse(HtmlReport.Create(report, "a test")).Descendants(Svg + "svg").Select(svg => (string?)svg.Attribute("class")), Has.No.Member("convergence"));
    }
}
