using System.Numerics.Tensors;
using GradCheck.Comparison;

namespace GradCheck.Tests.Comparison;

public class ScaledNormTests
{
    [Test]
    public void Equals_the_naive_norm_on_ordinary_data()
    {
        var random = new Random(7);
        double[] x = [.. Enumerable.Range(0, 1000).Select(_ => (random.NextDouble() * 20) - 10)];
        double naive = Math.Sqrt(x.Sum(v => v * v));

        // Both are sums of 1000 rounded squares (≈ 1000 · ε/2 relative apart at worst, 1.1e-13); the
        // scaling by the largest entry adds one more rounding per entry. 1e-12 covers both with margin.
        Assert.That(ScaledNorm.Of(x), Is.EqualTo(naive).Within(1e-12 * naive));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(100)]
    public void Does_not_overflow_for_entries_of_1e200(int count)
    {
        double[] x = [.. Enumerable.Repeat(1e200, count)];
        Assert.That(TensorPrimitives.Norm<double>(x), Is.EqualTo(double.PositiveInfinity), "the data must overflow a naive norm");

        // sqrt(k) · 1e200: every scaled entry is exactly 1, so only the sqrt and one product round (2 ulps).
        double expected = Math.Sqrt(count) * 1e200;
        Assert.That(ScaledNorm.Of(x), Is.EqualTo(expected).Within(4.5e-16 * expected));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(100)]
    public void Does_not_underflow_for_entries_of_1e_minus_200(int count)
    {
        double[] x = [.. Enumerable.Repeat(-1e-200, count)];
        Assert.That(TensorPrimitives.Norm<double>(x), Is.Zero, "the data must underflow a naive norm");

        // As for 1e200: two roundings.
        double expected = Math.Sqrt(count) * 1e-200;
        Assert.That(ScaledNorm.Of(x), Is.EqualTo(expected).Within(4.5e-16 * expected));
    }

    [Test]
    public void Is_exact_for_a_three_four_five_triangle_at_extreme_scales()
    {
        using (Assert.EnterMultipleScope())
        {
            // 3/4 and 1 scale to 0.75 and 1, whose norm 1.25 is exact; then one product rounds (1 ulp).
            Assert.That(ScaledNorm.Of([3e200, 4e200]), Is.EqualTo(5e200).Within(2.3e-16 * 5e200));
            Assert.That(ScaledNorm.Of([3e-200, -4e-200]), Is.EqualTo(5e-200).Within(2.3e-16 * 5e-200));
        }
    }

    [Test]
    public void Propagates_NaN()
    {
        Assert.That(ScaledNorm.Of([1.0, double.NaN, 2.0]), Is.NaN);
    }

    [Test]
    public void Is_infinite_for_an_infinite_entry()
    {
        Assert.That(ScaledNorm.Of([1.0, double.NegativeInfinity]), Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void Is_zero_for_zeros_and_for_an_empty_vector()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ScaledNorm.Of([0.0, -0.0, 0.0]), Is.Zero);
            Assert.That(ScaledNorm.Of([]), Is.Zero);
        }
    }

    [Test]
    public void Writes_only_into_the_scratch_buffer()
    {
        double[] x = [3, 4];
        double[] scratch = new double[5];
        double norm = ScaledNorm.Of(x, scratch);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(norm, Is.EqualTo(5.0));
            Assert.That(x, Is.EqualTo(new[] { 3.0, 4.0 }));
        }
    }

    [Test]
    public void Relative_difference_is_zero_when_all_three_norms_are_zero()
    {
        Assert.That(ScaledNorm.RelativeDifference(0, 0, 0), Is.Zero);
    }

    [Test]
    public void Relative_difference_is_the_difference_over_the_sum_of_norms()
    {
        // 2 / (1 + 3) = 0.5, exact in binary.
        Assert.That(ScaledNorm.RelativeDifference(2, 1, 3), Is.EqualTo(0.5));
    }

    [Test]
    public void Relative_difference_does_not_overflow_when_the_norms_are_near_the_largest_double()
    {
        // ||a|| + ||n|| = 2.4e308 would overflow to infinity and give 0.
        Assert.That(ScaledNorm.RelativeDifference(1.2e308, 1.2e308, 1.2e308), Is.EqualTo(0.5));
    }

    [Test]
    public void Relative_difference_propagates_NaN()
    {
        Assert.That(ScaledNorm.RelativeDifference(double.NaN, 1, 1), Is.NaN);
    }
}
