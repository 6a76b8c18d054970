using GradCheck.Reporting.Html;

namespace GradCheck.Tests.Reporting.Html;

public class AxisScaleTests
{
    [Test]
    public void Covers_every_value_with_round_ends_and_ticks()
    {
        AxisScale axis = AxisScale.Covering([-0.33, 0.02, 0.41], 0, 100);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(axis.Step, Is.EqualTo(0.2));
            Assert.That(axis.Low, Is.EqualTo(-0.4).Within(1e-15));
            Assert.That(axis.High, Is.EqualTo(0.6).Within(1e-15));
            Assert.That(axis.Ticks, Is.EqualTo(new[] { -0.4, -0.2, 0, 0.2, 0.4, 0.6 }).Within(1e-15));
            Assert.That(axis.Ticks, Has.Member(0.0), "zero exactly, not -2.8e-17");
        }
    }

    [Test]
    public void Maps_values_to_pixels_and_back()
    {
        // A y axis: low values at the bottom, pixel 340, high at the top, pixel 0.
        AxisScale axis = AxisScale.Covering([0, 10], 340, 0);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(axis.ToPixel(axis.Low), Is.EqualTo(340));
            Assert.That(axis.ToPixel(axis.High), Is.EqualTo(0));
            Assert.That(axis.ToValue(axis.ToPixel(3.7)), Is.EqualTo(3.7).Within(1e-12));
        }
    }

    [Test]
    public void Ignores_NaN_and_infinities()
    {
        AxisScale axis = AxisScale.Covering([double.NaN, 1, 3, double.PositiveInfinity, double.NegativeInfinity], 0, 100);
        Assert.That((axis.Low, axis.High), Is.EqualTo((1.0, 3.0)));
    }

    [TestCase(new double[0], -1.0, 1.0)]
    [TestCase(new[] { 0.0, 0.0 }, -1.0, 1.0)]
    [TestCase(new[] { 4.0 }, 2.0, 6.0)]
    [TestCase(new[] { -4.0, -4.0 }, -6.0, -2.0)]
    public void Widens_a_range_of_one_value_around_it(double[] values, double low, double high)
    {
        AxisScale axis = AxisScale.Covering(values, 0, 100);
        Assert.That((axis.Low, axis.High), Is.EqualTo((low, high)));
    }

    [Test]
    public void Survives_values_near_the_largest_double()
    {
        AxisScale axis = AxisScale.Covering([-double.MaxValue, double.MaxValue], 0, 100);
        Assert.That(axis.Ticks.Select(axis.ToPixel), Has.All.Matches<double>(double.IsFinite));
    }

    [TestCase(new[] { -0.33, 0.41 }, "-0.4", "0.6")]
    [TestCase(new[] { 0.0, 3.0 }, "0", "3")]
    [TestCase(new[] { 0.25, 12000.0 }, "0", "15000")]
    [TestCase(new[] { 0.0, 4e-6 }, "0", "4e-6")]
    [TestCase(new[] { 0.0, 2e6 }, "0", "2e+6")]
    public void Labels_ticks_with_the_decimals_the_step_needs(double[] values, string first, string last)
    {
        AxisScale axis = AxisScale.Covering(values, 0, 100);
        Assert.That((axis.Label(axis.Ticks[0]), axis.Label(axis.Ticks[^1])), Is.EqualTo((first, last)));
    }

    [Test]
    [SetCulture("de-DE")]
    public void Labels_ticks_in_the_invariant_culture()
    {
        Assert.That(0.5.ToString(), Is.EqualTo("0,5"), "de-DE writes a decimal comma (needs culture data: no invariant globalization)");
        AxisScale axis = AxisScale.Covering([-0.33, 0.41], 0, 100);
        Assert.That(axis.Ticks.Select(axis.Label), Is.EqualTo(new[] { "-0.4", "-0.2", "0", "0.2", "0.4", "0.6" }));
    }
}
