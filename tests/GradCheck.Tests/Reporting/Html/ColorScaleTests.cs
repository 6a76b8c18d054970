using System.Globalization;
using GradCheck.Reporting.Html;

namespace GradCheck.Tests.Reporting.Html;

public class ColorScaleTests
{
    [TestCase(0.0, 0.0)]
    [TestCase(1e-20, 0.0)]
    [TestCase(1e-16, 0.0)]
    [TestCase(1e-8, 0.5)]
    [TestCase(1e-4, 0.75)]
    [TestCase(1.0, 1.0)]
    [TestCase(2.0, 1.0)]
    public void Places_a_relative_error_by_its_decade_and_clamps_at_both_ends(double relativeError, double expected)
    {
        Assert.That(ColorScale.Position(relativeError), Is.EqualTo(expected).Within(1e-12));
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Gives_NaN_and_infinity_their_own_colour(double relativeError)
    {
        Assert.That(ColorScale.Color(relativeError), Is.EqualTo(ColorScale.NotFinite));
    }

    [Test]
    public void Darkens_with_every_decade_of_error()
    {
        double[] luminance = [.. Enumerable.Range(ColorScale.LowestExponent, ColorScale.HighestExponent - ColorScale.LowestExponent + 1)
            .Select(exponent => Luminance(ColorScale.Color(Math.Pow(10, exponent))))];
        Assert.That(luminance, Is.Ordered.Descending);
        Assert.That(luminance.Distinct().Count(), Is.EqualTo(luminance.Length), "every decade its own shade");
    }

    [Test]
    public void Holds_no_colour_that_could_pass_for_the_failing_red_or_the_NaN_black()
    {
        int[] failing = Rgb(ColorScale.Failing);
        int[] notFinite = Rgb(ColorScale.NotFinite);
        for (int step = 0; step <= 100; step++)
        {
            int[] color = Rgb(ColorScale.ColorAt(step / 100.0));
            Assert.That(Distance(color, failing), Is.GreaterThan(100), $"at {step}%");
            Assert.That(Distance(color, notFinite), Is.GreaterThan(60), $"at {step}%");
        }
    }

    [Test]
    public void Writes_colours_as_six_hex_digits()
    {
        Assert.That(
            Enumerable.Range(0, 11).Select(step => ColorScale.ColorAt(step / 10.0)),
            Has.All.Match("^#[0-9a-f]{6}$"));
    }

    private static int[] Rgb(string color) =>
        [.. Enumerable.Range(0, 3).Select(i => int.Parse(color.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture))];

    private static double Luminance(string color)
    {
        int[] rgb = Rgb(color);
        return (0.2126 * rgb[0]) + (0.7152 * rgb[1]) + (0.0722 * rgb[2]);
    }

    private static double Distance(int[] a, int[] b) =>
        Math.Sqrt(Enumerable.Range(0, 3).Sum(i => (a[i] - b[i]) * (a[i] - b[i])));
}
