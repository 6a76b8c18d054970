using GradCheck.Reporting;

namespace GradCheck.Tests.Reporting;

/// <summary>
/// Values printed side by side get the fewest digits, at least the usual ones, with which different
/// values read differently; equal values, NaN and the infinities need no more than the usual.
/// </summary>
public class DistinctDigitsTests
{
    [TestCase(0.123456781, 0.123456782, "0.123456781", "0.123456782", TestName = "Differing in the 9th digit: 9 digits")]
    [TestCase(1234.56789012, 1234.56789013, "1234.56789012", "1234.56789013", TestName = "Differing in the 12th digit: 12 digits")]
    [TestCase(0.1, 0.1000000000000001, "0.1", "0.1000000000000001", TestName = "Differing in the 16th digit: 16 digits")]
    [TestCase(123456789.0, 123456790.0, "123456789", "123456790", TestName = "Differing in the 9th digit of a large value: 9 digits, no exponent")]
    [TestCase(0.021424469641, 0.021424469642, "0.021424469641", "0.021424469642", TestName = "A cost evaluated twice: the digits where they differ")]
    public void Values_that_differ_past_the_usual_digits_get_the_digits_that_tell_them_apart(double first, double second, string firstText, string secondText)
    {
        Assert.That(DistinctDigits.General([first, second]), Is.EqualTo(new[] { firstText, secondText }));
    }

    [Test]
    public void Neighbouring_doubles_get_the_17_digits_that_tell_any_two_apart()
    {
        double next = Math.BitIncrement(0.1);
        Assert.That(DistinctDigits.General([0.1, next]), Is.EqualTo(new[] { "0.10000000000000001", "0.10000000000000002" }));
    }

    [Test]
    public void Values_that_read_apart_with_the_usual_digits_keep_them()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DistinctDigits.General([2.25, 2.251]), Is.EqualTo(new[] { "2.25", "2.251" }));
            Assert.That(DistinctDigits.General([0.6931471805599453, 0.6928]), Is.EqualTo(new[] { "0.6931472", "0.6928" }));
            Assert.That(DistinctDigits.General([1.0, 2.0], fewest: 4), Is.EqualTo(new[] { "1", "2" }));
        }
    }

    [Test]
    public void Equal_values_keep_the_usual_digits()
    {
        Assert.That(DistinctDigits.General([Math.PI, Math.PI]), Is.EqualTo(new[] { "3.141593", "3.141593" }));
    }

    [Test]
    public void NaN_and_the_infinities_read_as_themselves()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DistinctDigits.General([double.NaN, double.NaN]), Is.EqualTo(new[] { "NaN", "NaN" }));
            Assert.That(DistinctDigits.General([double.NaN, 1.0]), Is.EqualTo(new[] { "NaN", "1" }));
            Assert.That(DistinctDigits.General([double.PositiveInfinity, double.NegativeInfinity]), Is.EqualTo(new[] { "Infinity", "-Infinity" }));
            Assert.That(DistinctDigits.General([double.MaxValue, double.PositiveInfinity]), Is.EqualTo(new[] { "1.797693E+308", "Infinity" }));
        }
    }

    [Test]
    public void Negative_zero_equals_zero_and_keeps_its_sign()
    {
        Assert.That(DistinctDigits.General([-0.0, 0.0]), Is.EqualTo(new[] { "-0", "0" }));
    }

    [Test]
    public void Values_of_different_magnitudes_read_apart_with_the_usual_digits()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DistinctDigits.General([1e-300, 1e300]), Is.EqualTo(new[] { "1E-300", "1E+300" }));
            Assert.That(DistinctDigits.General([0.021424469641, 2142.4469641]), Is.EqualTo(new[] { "0.02142447", "2142.447" }));
            Assert.That(DistinctDigits.General([-1.5, 1.5]), Is.EqualTo(new[] { "-1.5", "1.5" }));
        }
    }

    [Test]
    public void Among_several_values_every_two_different_ones_read_apart_with_the_same_digits()
    {
        Assert.That(
            DistinctDigits.General([1.000000001, 1.000000001, 1.000000002, 5.0]),
            Is.EqualTo(new[] { "1.000000001", "1.000000001", "1.000000002", "5" }));
    }

    [Test]
    public void One_value_reads_with_the_usual_seven_digits()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DistinctDigits.General(0.021424469641), Is.EqualTo("0.02142447"));
            Assert.That(DistinctDigits.General(double.NaN), Is.EqualTo("NaN"));
            Assert.That(DistinctDigits.General(double.NegativeInfinity), Is.EqualTo("-Infinity"));
        }
    }

    [TestCase(1.23456789e-3, 1.23456788e-3, 3, "1.23456789e-03", "1.23456788e-03", TestName = "Scientific, differing in the 9th digit: 8 decimals")]
    [TestCase(-1.4381174e-01, -3.5952936e-02, 7, "-1.4381174e-01", "-3.5952936e-02", TestName = "Scientific, far apart: the usual decimals")]
    [TestCase(2.0, 2.0, 2, "2.00e+00", "2.00e+00", TestName = "Scientific, equal: the usual decimals")]
    [TestCase(1e-300, 1e300, 1, "1.0e-300", "1.0e+300", TestName = "Scientific, three-digit exponents")]
    public void Scientific_notation_gets_the_decimals_that_tell_values_apart(double first, double second, int decimals, string firstText, string secondText)
    {
        Assert.That(DistinctDigits.Scientific([first, second], decimals), Is.EqualTo(new[] { firstText, secondText }));
    }

    [Test]
    public void Scientific_notation_tells_neighbouring_doubles_apart_with_16_decimals()
    {
        double next = Math.BitIncrement(0.1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DistinctDigits.ScientificDecimals([0.1, next], 7), Is.EqualTo(16));
            Assert.That(DistinctDigits.Scientific([0.1, next], 7), Is.EqualTo(new[] { "1.0000000000000001e-01", "1.0000000000000002e-01" }));
            Assert.That(DistinctDigits.Scientific([1.0 / 3, Math.BitIncrement(1.0 / 3)], 7), Is.EqualTo(new[] { "3.333333333333333e-01", "3.333333333333334e-01" }), "past the 15 digits a custom format stops at");
        }
    }

    [Test]
    public void Scientific_notation_of_special_values()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DistinctDigits.Scientific(double.NaN, 3), Is.EqualTo("NaN"));
            Assert.That(DistinctDigits.Scientific(double.NegativeInfinity, 3), Is.EqualTo("-Infinity"));
            Assert.That(DistinctDigits.Scientific(-0.0, 2), Is.EqualTo("-0.00e+00"));
            Assert.That(DistinctDigits.Scientific(0.0, 2), Is.EqualTo("0.00e+00"));
            Assert.That(DistinctDigits.Scientific(-12345.678, 2), Is.EqualTo("-1.23e+04"));
        }
    }
}
