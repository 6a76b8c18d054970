using System.Globalization;
using GradCheck.Comparison;

namespace GradCheck.Tests.Comparison;

public class GradientToleranceTests
{
    private static readonly double Epsilon = Math.ScaleB(1.0, -52);

    [Test]
    public void Within_one_value_sets_both_parts()
    {
        GradientTolerance tolerance = GradientTolerance.Within(1e-7);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tolerance.Absolute, Is.EqualTo(1e-7));
            Assert.That(tolerance.Relative, Is.EqualTo(1e-7));
            Assert.That(tolerance.IsAutomatic, Is.False);
        }
    }

    [Test]
    public void Within_two_values_sets_absolute_then_relative()
    {
        GradientTolerance tolerance = GradientTolerance.Within(1e-9, 1e-4);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(tolerance.Absolute, Is.EqualTo(1e-9));
            Assert.That(tolerance.Relative, Is.EqualTo(1e-4));
            Assert.That(tolerance.IsAutomatic, Is.False);
        }
    }

    [Test]
    public void Automatic_is_the_default_and_has_no_stated_parts()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(GradientTolerance.Automatic.IsAutomatic, Is.True);
            Assert.That(GradientTolerance.Automatic.Absolute, Is.Zero);
            Assert.That(GradientTolerance.Automatic.Relative, Is.Zero);
            Assert.That(GradientCheckOptions.Default.Tolerance, Is.SameAs(GradientTolerance.Automatic));
        }
    }

    [Test]
    public void Stated_bound_is_absolute_plus_relative_times_the_larger_magnitude_whatever_the_estimate()
    {
        // 0.5 + 0.25 · 4 = 1.5, exact in binary.
        Assert.That(GradientTolerance.Within(0.5, 0.25).Bound(largest: 4, numericError: 100, tensorScale: 1e6, machineEpsilon: Epsilon), Is.EqualTo(1.5));
    }

    [Test]
    public void Automatic_bound_is_twice_the_estimate_plus_128_ulps_of_the_entry_and_the_tensor_scale()
    {
        double bound = GradientTolerance.Automatic.Bound(largest: 3, numericError: 0.25, tensorScale: 5, machineEpsilon: Epsilon);

        // 2 · 0.25 + 128 ε (3 + 5) = 0.5 + 2^-42: exact in binary.
        Assert.That(bound, Is.EqualTo(0.5 + Math.ScaleB(1.0, -42)));
    }

    [Test]
    public void Automatic_bound_of_a_float_check_allows_128_float_ulps()
    {
        // 128 · 2^-23 · (1 + 1) = 2^-15 with no estimated error.
        Assert.That(GradientTolerance.Automatic.Bound(1, 0, 1, Math.ScaleB(1.0, -23)), Is.EqualTo(Math.ScaleB(1.0, -15)));
    }

    [TestCase(-1e-9)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Refuses_an_unusable_absolute_part(double absolute)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => GradientTolerance.Within(absolute, 1e-6));
        Assert.That(exception.ParamName, Is.EqualTo("absolute"));
    }

    [TestCase(-1e-9)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void Refuses_an_unusable_relative_part(double relative)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => GradientTolerance.Within(1e-6, relative));
        Assert.That(exception.ParamName, Is.EqualTo("relative"));
    }

    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    public void Refuses_an_unusable_single_tolerance(double tolerance)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientTolerance.Within(tolerance));
    }

    [Test]
    public void Accepts_zero()
    {
        GradientTolerance tolerance = GradientTolerance.Within(0);
        Assert.That(tolerance.Absolute + tolerance.Relative, Is.Zero);
    }

    [Test]
    public void ToString_shows_a_stated_rule_with_its_numbers()
    {
        Assert.That(GradientTolerance.Within(1e-7).ToString(), Is.EqualTo("|a - n| <= 1e-07 + 1e-07 * max(|a|, |n|)"));
    }

    [Test]
    public void ToString_shows_the_automatic_rule()
    {
        Assert.That(
            GradientTolerance.Automatic.ToString(),
            Is.EqualTo("|a - n| <= 2 e(n) + 128 ε (max(|a|, |n|) + max|n| in the tensor), e(n) the estimated error of n"));
    }

    [Test]
    public void ToString_does_not_depend_on_the_current_culture()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            // A culture with a decimal comma (built by hand: the build uses invariant globalization).
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            CultureInfo.CurrentCulture = comma;
            Assert.That(GradientTolerance.Within(2.5e-7, 0).ToString(), Is.EqualTo("|a - n| <= 2.5e-07 + 0e+00 * max(|a|, |n|)"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void Is_equal_by_value()
    {
        GradientTolerance first = GradientTolerance.Within(1e-8, 1e-6);
        GradientTolerance second = GradientTolerance.Within(1e-8, 1e-6);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(second));
            Assert.That(GradientTolerance.Within(0), Is.Not.EqualTo(GradientTolerance.Automatic));
        }
    }
}
