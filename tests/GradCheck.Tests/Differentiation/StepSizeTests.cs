using GradCheck.Differentiation;

namespace GradCheck.Tests.Differentiation;

public class StepSizeTests
{
    private static readonly double[] Points = [0, 1e-30, 1, -3, 1e6, 1e30];

    // The multiples of h the two difference rules evaluate at.
    private static readonly int[] Multiples = [-4, -2, -1, 1, 2, 4];

    [Test]
    public void Two_point_step_is_the_cube_root_of_epsilon_for_double()
    {
        Assert.That(StepSize.RelativeStep<double>(DifferenceMethod.CentralTwoPoint), Is.EqualTo(Math.Cbrt(Math.ScaleB(1.0, -52))));
    }

    [Test]
    public void Two_point_step_is_the_cube_root_of_epsilon_for_float()
    {
        Assert.That(StepSize.RelativeStep<float>(DifferenceMethod.CentralTwoPoint), Is.EqualTo(Math.Cbrt(Math.ScaleB(1.0, -23))));
    }

    [Test]
    public void Two_point_step_is_about_6e_minus_6_for_double_and_5e_minus_3_for_float()
    {
        using (Assert.EnterMultipleScope())
        {
            // cbrt(2^-52) = 6.0555e-6 and cbrt(2^-23) = 4.9216e-3; 1e-9 and 1e-7 only absorb the printed digits.
            Assert.That(StepSize.RelativeStep<double>(DifferenceMethod.CentralTwoPoint), Is.EqualTo(6.0555e-6).Within(1e-9));
            Assert.That(StepSize.RelativeStep<float>(DifferenceMethod.CentralTwoPoint), Is.EqualTo(4.9216e-3).Within(1e-7));
        }
    }

    [Test]
    public void Richardson_step_is_the_fifth_root_of_epsilon_over_four()
    {
        using (Assert.EnterMultipleScope())
        {
            // ε^(1/5) / 4 = 2^-10.4 / 4 = 1.8502e-4 for double and 2^-4.6 / 4 = 1.0309e-2 for float; the
            // tolerances only absorb the printed digits.
            Assert.That(StepSize.RelativeStep<double>(DifferenceMethod.Richardson), Is.EqualTo(1.8502e-4).Within(1e-8));
            Assert.That(StepSize.RelativeStep<float>(DifferenceMethod.Richardson), Is.EqualTo(1.0309e-2).Within(1e-6));
        }
    }

    [TestCaseSource(nameof(Points))]
    public void Points_around_x_are_distinct_ordered_and_exactly_spaced_in_double(double x)
    {
        foreach (DifferenceMethod method in Enum.GetValues<DifferenceMethod>())
        {
            double step = StepSize.RelativeStep<double>(method);
            double[] points = [.. Multiples.Select(k => StepSize.Offset(x, step, k))];
            AssertOrderedAroundAndExactlySpaced(x, points);
        }
    }

    [TestCaseSource(nameof(Points))]
    public void Points_around_x_are_distinct_ordered_and_exactly_spaced_in_float(double x)
    {
        float single = (float)x;
        foreach (DifferenceMethod method in Enum.GetValues<DifferenceMethod>())
        {
            double step = StepSize.RelativeStep<float>(method);
            float[] points = [.. Multiples.Select(k => StepSize.Offset(single, step, k))];
            Assert.That(points, Has.All.Matches<float>(float.IsFinite));
            AssertOrderedAroundAndExactlySpaced(single, [.. points.Select(p => (double)p)]);
        }
    }

    [TestCase(1e6)]
    [TestCase(-3.0)]
    [TestCase(1e30)]
    public void Step_scales_with_the_magnitude_of_x_above_one_in_double(double x)
    {
        double step = StepSize.RelativeStep<double>(DifferenceMethod.CentralTwoPoint);
        double width = StepSize.Offset(x, step, 1) - StepSize.Offset(x, step, -1);
        double expected = 2 * step * Math.Abs(x);

        // x ± h round to the nearest double, each off by at most ulp(x)/2 = ε|x|/2, so the width is
        // within ε|x| of 2h|x|: ε / (2 cbrt ε) ≈ 2e-11 relative; 1e-10 is that with margin.
        Assert.That(width, Is.EqualTo(expected).Within(1e-10 * expected));
    }

    [TestCase(1e6)]
    [TestCase(-3.0)]
    [TestCase(1e30)]
    public void Step_scales_with_the_magnitude_of_x_above_one_in_float(double x)
    {
        float single = (float)x;
        double step = StepSize.RelativeStep<float>(DifferenceMethod.CentralTwoPoint);
        double width = (double)StepSize.Offset(single, step, 1) - StepSize.Offset(single, step, -1);
        double expected = 2 * step * Math.Abs((double)single);

        // As for double with ε = 2^-23: ε / (2 cbrt ε) ≈ 1.2e-5 relative, plus the rounding of h itself to
        // float (6e-8 relative); 5e-5 is that with margin.
        Assert.That(width, Is.EqualTo(expected).Within(5e-5 * expected));
    }

    [TestCase(0.0)]
    [TestCase(1e-30)]
    [TestCase(0.5)]
    [TestCase(-1.0)]
    public void Step_is_the_relative_step_itself_at_or_below_magnitude_one(double x)
    {
        double step = StepSize.RelativeStep<double>(DifferenceMethod.CentralTwoPoint);
        double width = StepSize.Offset(x, step, 1) - StepSize.Offset(x, step, -1);

        // At |x| <= 1 the step is cbrt(ε) unscaled; rounding x ± h moves each point by at most
        // ulp(1)/2 = 1.1e-16, so 4.4e-16 (2 ulps of 1) covers the width.
        Assert.That(width, Is.EqualTo(2 * step).Within(4.4e-16));
    }

    [Test]
    public void Offsets_a_multiple_of_the_step()
    {
        double step = StepSize.RelativeStep<double>(DifferenceMethod.Richardson);

        // At x = 0 the points are k·h rounded once: k·h is exact for k = ±1, ±2, ±4 (powers of two).
        Assert.That(Multiples.Select(k => StepSize.Offset(0.0, step, k)), Is.EqualTo(Multiples.Select(k => k * step)));
    }

    /// <summary>
    /// The points increase with the multiple, straddle x without touching it, and every width the
    /// rules divide by, computed in double, is exact: its rounding error (Knuth's TwoSum) is 0.
    /// </summary>
    private static void AssertOrderedAroundAndExactlySpaced(double x, double[] points)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(points, Is.Ordered.Ascending.And.Unique);
            Assert.That(points[2], Is.LessThan(x), "x - h");
            Assert.That(points[3], Is.GreaterThan(x), "x + h");
            for (int i = 0; i < 3; i++)
            {
                Assert.That(RoundingErrorOfDifference(points[5 - i], points[i]), Is.Zero, $"width at multiple {Multiples[5 - i]}");
            }
        }
    }

    /// <summary>The rounding error of a - b by Knuth's TwoSum on a + (-b): 0 when the double result is exact.</summary>
    private static double RoundingErrorOfDifference(double a, double b)
    {
        double c = -b;
        double sum = a + c;
        double cVirtual = sum - a;
        double aVirtual = sum - cVirtual;
        return (a - aVirtual) + (c - cVirtual);
    }

    [Test]
    public void Offset_keeps_the_element_type()
    {
        Half x = (Half)0.5;
        Half plus = StepSize.Offset(x, StepSize.RelativeStep<Half>(DifferenceMethod.CentralTwoPoint), 1);

        // Half's ε is 2^-10, so its cbrt step is ≈ 0.099: x + h is about 0.6, not x.
        Assert.That((double)plus, Is.EqualTo(0.6).Within(0.01));
    }
}
