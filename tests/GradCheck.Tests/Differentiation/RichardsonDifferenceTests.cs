using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Differentiation;

public class RichardsonDifferenceTests
{
    [Test]
    public void Error_estimate_covers_the_truncation_of_a_steep_cost()
    {
        // exp(40x) at 0: f' = 40, f⁽⁵⁾ = 1e8, so the estimate carries ≈ h⁴ f⁽⁵⁾ / 30 ≈ 4e-9 of truncation,
        // 2000 times its round-off; |R(h) - R(2h)| measures it with a margin of about 15.
        NumericalGradient gradient = Numerics.Differentiate([0.0], v => Math.Exp(40 * v[0]), DifferenceMethod.Richardson).Gradient;
        double error = Math.Abs(gradient[0].Value - 40);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.GreaterThan(1e-10), "the data must show truncation");
            Assert.That(gradient[0].Error, Is.GreaterThanOrEqualTo(error));
            Assert.That(gradient[0].Error, Is.LessThan(100 * error), "an honest estimate, not an arbitrary large one");
            Assert.That(gradient[0].IsKink, Is.False);
        }
    }

    [TestCase(0.0)]
    [TestCase(0.3)]
    [TestCase(-2.0)]
    public void Finds_no_kink_in_smooth_functions_in_double(double x)
    {
        AssertNoKinks<double>(x);
    }

    [TestCase(0f)]
    [TestCase(0.3f)]
    [TestCase(-2f)]
    public void Finds_no_kink_in_smooth_functions_in_float(float x)
    {
        AssertNoKinks<float>(x);
    }

    [Test]
    public void Finds_no_kink_in_log_sum_exp_at_many_random_points_in_double()
    {
        AssertNoKinksInLogSumExp<double>();
    }

    [Test]
    public void Finds_no_kink_in_log_sum_exp_at_many_random_points_in_float()
    {
        AssertNoKinksInLogSumExp<float>();
    }

    [Test]
    public void Finds_the_kink_of_the_absolute_value_at_zero_with_its_one_sided_slopes()
    {
        NumericalGradient gradient = Numerics.Differentiate([0.0], v => Math.Abs(v[0]), DifferenceMethod.Richardson).Gradient;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(gradient[0].IsKink, Is.True);

            // The one-sided rules are exact on each linear piece; 1e-12 allows for the rounding of x ± kh.
            Assert.That(gradient[0].Low, Is.EqualTo(-1.0).Within(1e-12));
            Assert.That(gradient[0].High, Is.EqualTo(1.0).Within(1e-12));
        }
    }

    [Test]
    public void Finds_the_kink_of_relu_at_zero_in_float()
    {
        NumericalGradient gradient = Numerics.Differentiate([0f, 1f], v => MathF.Max(0, v[0]) + v[1], DifferenceMethod.Richardson).Gradient;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Numerics.Column(gradient, e => e.IsKink), Is.EqualTo(new[] { true, false }));

            // Exact on each linear piece up to float's rounding of the points and of J: 1e-5.
            Assert.That(gradient[0].Low, Is.EqualTo(0.0).Within(1e-5));
            Assert.That(gradient[0].High, Is.EqualTo(1.0).Within(1e-5));
        }
    }

    [TestCase(0.5)]
    [TestCase(1.5)]
    [TestCase(3.0)]
    public void Finds_a_kink_that_lies_inside_the_stencil_but_not_at_x(double stepsAway)
    {
        double h = StepSize.RelativeStep<double>(DifferenceMethod.Richardson);
        double kink = stepsAway * h;
        NumericalGradient gradient = Numerics.Differentiate([0.0], v => Math.Max(0, v[0] - kink), DifferenceMethod.Richardson).Gradient;
        Assert.That(gradient[0].IsKink, Is.True);
    }

    [Test]
    public void Ignores_a_kink_beyond_the_widest_point()
    {
        double h = StepSize.RelativeStep<double>(DifferenceMethod.Richardson);
        double kink = 5 * h;
        NumericalGradient gradient = Numerics.Differentiate([0.0], v => Math.Max(0, v[0] - kink), DifferenceMethod.Richardson).Gradient;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(gradient[0].IsKink, Is.False);
            Assert.That(gradient[0].Value, Is.Zero);
        }
    }

    [Test]
    public void Makes_six_cost_evaluations_per_entry()
    {
        int calls = 0;
        long evaluations = Numerics.Differentiate(
            new float[5],
            v =>
            {
                calls++;
                return v.Sum();
            },
            DifferenceMethod.Richardson).Evaluations;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(evaluations, Is.EqualTo(30));

            // One more call: the helper evaluates J(x) itself, as the checker does once for all tensors.
            Assert.That(calls, Is.EqualTo(31));
        }
    }

    [Test]
    public void Restores_every_entry_bitwise()
    {
        float[] floats = [-0.0f, 0.1f, 1e-30f, -3f, 1e6f, 0.3f];
        double[] doubles = [-0.0, 0.1, 1e-30, -3, 1e6, 0.3];
        ulong[] floatBits = Bits.Of(floats);
        ulong[] doubleBits = Bits.Of(doubles);
        Numerics.Differentiate(floats, v => v.Sum(e => e * e), DifferenceMethod.Richardson);
        Numerics.Differentiate(doubles, v => v.Sum(e => e * e), DifferenceMethod.Richardson);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Bits.Of(floats), Is.EqualTo(floatBits));
            Assert.That(Bits.Of(doubles), Is.EqualTo(doubleBits));
        }
    }

    [Test]
    public void Perturbs_exactly_one_entry_at_each_evaluation()
    {
        double[] values = [-0.0, 0.1, 2, -3];
        ulong[] before = Bits.Of(values);
        var changedPerCall = new List<int>();
        Numerics.Differentiate(
            values,
            v =>
            {
                ulong[] now = Bits.Of(v);
                changedPerCall.Add(now.Where((bits, i) => bits != before[i]).Count());
                return v[0];
            },
            DifferenceMethod.Richardson);

        // The helper's own first call sees J(x): nothing perturbed; then 6 calls per entry, one entry each.
        Assert.That(changedPerCall, Is.EqualTo(new[] { 0 }.Concat(Enumerable.Repeat(1, 24))));
    }

    [TestCase(1, "+ h")]
    [TestCase(-1, "- h")]
    [TestCase(2, "+ 2h")]
    [TestCase(-2, "- 2h")]
    [TestCase(4, "+ 4h")]
    [TestCase(-4, "- 4h")]
    public void Rethrows_a_throwing_cost_naming_the_entry_and_the_point(int multiple, string offset)
    {
        double[,] w = { { 1, 2, 3 }, { 4, 5, 0.1 } };
        ulong[] before = Bits.Of(w);
        double bad = StepSize.Offset(0.1, StepSize.RelativeStep<double>(DifferenceMethod.Richardson), multiple);
        var original = new InvalidOperationException("boom");
        var tensor = new NamedTensor<double>("W", TensorStorageFactory.Wrap<double>(w, "W", writable: true));

        var exception = Assert.Throws<CostEvaluationException>(() => Numerics.Sweep(
            () => w[1, 2] == bad ? throw original : 0.0, tensor, DifferenceMethod.Richardson, 0.0, new NumericalGradient(6)));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Point, Is.EqualTo("W[1,2] " + offset));
            Assert.That(exception.InnerException, Is.SameAs(original));
            Assert.That(Bits.Of(w), Is.EqualTo(before));
        }
    }

    /// <summary>
    /// Log-sum-exp is smooth everywhere: no entry of any of 200 random 6-vectors in [-3, 3] may be taken
    /// for a kink (a kink holds a to the one-sided derivatives, which are biased by h² f⁽³⁾ / 3 and so
    /// exclude the true derivative of a smooth cost). The failing points are listed.
    /// </summary>
    private static void AssertNoKinksInLogSumExp<T>()
        where T : IFloatingPointIeee754<T>
    {
        var kinks = new List<string>();
        for (int seed = 1; seed <= 200; seed++)
        {
            T[] z = Functions.Uniform<T>(new Random(seed), 6, 3.0);
            NumericalGradient gradient = Numerics.Differentiate(z, v => Functions.LogSumExp<T>(v), DifferenceMethod.Richardson).Gradient;
            kinks.AddRange(Enumerable.Range(0, z.Length).Where(i => gradient[i].IsKink).Select(i => $"seed {seed} entry {i}"));
        }

        Assert.That(kinks, Is.Empty);
    }

    private static void AssertNoKinks<T>(T x)
        where T : IFloatingPointIeee754<T>
    {
        (string Name, Func<T[], T> Cost)[] functions =
        [
            ("sin", v => T.Sin(v[0])),
            ("exp", v => T.Exp(v[0])),
            ("x^2", v => v[0] * v[0]),
            ("x^3", v => v[0] * v[0] * v[0]),
            ("tanh", v => T.Tanh(v[0])),
            ("log-sum-exp", v => Functions.LogSumExp<T>([v[0], T.One, -T.One])),
        ];

        using (Assert.EnterMultipleScope())
        {
            foreach ((string name, Func<T[], T> cost) in functions)
            {
                NumericalGradient gradient = Numerics.Differentiate([x], cost, DifferenceMethod.Richardson).Gradient;
                Assert.That(gradient[0].IsKink, Is.False, name);
            }
        }
    }

    /// <summary>
    /// Each derivative is within <paramref name="bound"/> of the truth, and the estimate's own error
    /// bound, doubled as the automatic rule doubles it, covers the actual error.
    /// </summary>
}
