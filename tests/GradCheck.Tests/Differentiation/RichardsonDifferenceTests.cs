using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Differentiation;

public class RichardsonDifferenceTests
{
    // Richardson's estimate is the five-point stencil: truncation h⁴|f⁽⁵⁾|/30, round-off about
    // 18 ulps |f| / 12h = 1.5 ε |f| / h.
    // double: h = 1.85e-4, so round-off ≈ 1.8e-12 |f| and truncation ≈ 4e-17 |f⁽⁵⁾|; 1e-10 has margin for
    //         |f| up to 10, and a plain central difference at this h (error h²|f'''|/6 ≈ 6e-9 |f'''|) fails it.
    // float:  h = 1.03e-2, so round-off ≈ 1.7e-5 |f| per ulp of error in the cost; float's elementary
    //         functions carry 1-2 ulps, so 2e-4 for |f| up to about 3.
    private const double DoubleBound = 1e-10;
    private const double FloatBound = 2e-4;

    [TestCase(3.0, DoubleBound)]
    [TestCase(3f, FloatBound)]
    public void Derivative_of_x_squared_at_3_is_6<T>(T x, double bound)
        where T : IFloatingPointIeee754<T>
    {
        AssertDerivative([x], v => v[0] * v[0], [6.0], bound);
    }

    [TestCase(0.7, DoubleBound)]
    [TestCase(-2.0, DoubleBound)]
    [TestCase(0.7f, FloatBound)]
    [TestCase(-2f, FloatBound)]
    public void Derivative_of_sin_is_cos<T>(T x, double bound)
        where T : IFloatingPointIeee754<T>
    {
        AssertDerivative([x], v => T.Sin(v[0]), [Math.Cos(double.CreateTruncating(x))], bound);
    }

    [TestCase(0.5, DoubleBound)]
    [TestCase(-1.0, DoubleBound)]
    [TestCase(0.5f, FloatBound)]
    [TestCase(-1f, FloatBound)]
    public void Derivative_of_exp_is_exp<T>(T x, double bound)
        where T : IFloatingPointIeee754<T>
    {
        AssertDerivative([x], v => T.Exp(v[0]), [Math.Exp(double.CreateTruncating(x))], bound);
    }

    [Test]
    public void Gradient_of_log_sum_exp_is_softmax_in_double()
    {
        double[] z = Functions.Uniform<double>(new Random(11), 5, 2.0);
        AssertDerivative(z, v => Functions.LogSumExp<double>(v), Functions.Softmax<double>(z), DoubleBound);
    }

    [Test]
    public void Gradient_of_log_sum_exp_is_softmax_in_float()
    {
        // f ≈ 2 through ~12 float operations (exp, sum, log): a few ulps per evaluation, ≈ 5 · 1.7e-5 · 2 ≈ 1.7e-4;
        // 5e-4 has margin.
        float[] z = Functions.Uniform<float>(new Random(11), 5, 2.0);
        AssertDerivative(z, v => Functions.LogSumExp<float>(v), [.. Functions.Softmax<float>(z).Select(g => (double)g)], 5e-4);
    }

    [Test]
    public void Gradient_of_softmax_cross_entropy_is_softmax_minus_one_hot_in_double()
    {
        double[] z = Functions.Uniform<double>(new Random(12), 5, 2.0);
        AssertDerivative(z, v => Functions.SoftmaxCrossEntropy<double>(v, 3), Functions.SoftmaxCrossEntropyGradient<double>(z, 3), DoubleBound);
    }

    [Test]
    public void Gradient_of_softmax_cross_entropy_is_softmax_minus_one_hot_in_float()
    {
        // As log-sum-exp in float, plus one subtraction: 5e-4.
        float[] z = Functions.Uniform<float>(new Random(12), 5, 2.0);
        AssertDerivative(
            z, v => Functions.SoftmaxCrossEntropy<float>(v, 3), [.. Functions.SoftmaxCrossEntropyGradient<float>(z, 3).Select(g => (double)g)], 5e-4);
    }

    [Test]
    public void Error_estimate_covers_the_truncation_of_a_steep_cost()
    {
        // exp(40x) at 0: f' = 40, f⁽⁵⁾ = 1e8, so the estimate carries ≈ h⁴ f⁽⁵⁾ / 30 ≈ 4e-9 of truncation,
        // 2000 times its round-off; |R(h) - R(2h)| measures it with a margin of about 15.
        NumericalGradient gradient = Numerics.Differentiate([0.0], v => Math.Exp(40 * v[0]), DifferenceMethod.Richardson).Gradient;
        double error = Math.Abs(gradient.Value[0] - 40);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error, Is.GreaterThan(1e-10), "the data must show truncation");
            Assert.That(gradient.Error[0], Is.GreaterThanOrEqualTo(error));
            Assert.That(gradient.Error[0], Is.LessThan(100 * error), "an honest estimate, not an arbitrary large one");
            Assert.That(gradient.IsKink[0], Is.False);
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
            Assert.That(gradient.IsKink[0], Is.True);

            // The one-sided rules are exact on each linear piece; 1e-12 allows for the rounding of x ± kh.
            Assert.That(gradient.Low[0], Is.EqualTo(-1.0).Within(1e-12));
            Assert.That(gradient.High[0], Is.EqualTo(1.0).Within(1e-12));
        }
    }

    [Test]
    public void Finds_the_kink_of_relu_at_zero_in_float()
    {
        NumericalGradient gradient = Numerics.Differentiate([0f, 1f], v => MathF.Max(0, v[0]) + v[1], DifferenceMethod.Richardson).Gradient;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(gradient.IsKink, Is.EqualTo(new[] { true, false }));

            // Exact on each linear piece up to float's rounding of the points and of J: 1e-5.
            Assert.That(gradient.Low[0], Is.EqualTo(0.0).Within(1e-5));
            Assert.That(gradient.High[0], Is.EqualTo(1.0).Within(1e-5));
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
        Assert.That(gradient.IsKink[0], Is.True);
    }

    [Test]
    public void Ignores_a_kink_beyond_the_widest_point()
    {
        double h = StepSize.RelativeStep<double>(DifferenceMethod.Richardson);
        double kink = 5 * h;
        NumericalGradient gradient = Numerics.Differentiate([0.0], v => Math.Max(0, v[0] - kink), DifferenceMethod.Richardson).Gradient;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(gradient.IsKink[0], Is.False);
            Assert.That(gradient.Value[0], Is.Zero);
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
            kinks.AddRange(Enumerable.Range(0, z.Length).Where(i => gradient.IsKink[i]).Select(i => $"seed {seed} entry {i}"));
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
                Assert.That(gradient.IsKink[0], Is.False, name);
            }
        }
    }

    /// <summary>
    /// Each derivative is within <paramref name="bound"/> of the truth, and the estimate's own error
    /// bound, doubled as the automatic rule doubles it, covers the actual error.
    /// </summary>
    private static void AssertDerivative<T>(T[] x, Func<T[], T> cost, IEnumerable<T> expected, double bound)
        where T : IFloatingPointIeee754<T>
    {
        AssertDerivative(x, cost, [.. expected.Select(double.CreateTruncating)], bound);
    }

    private static void AssertDerivative<T>(T[] x, Func<T[], T> cost, double[] expected, double bound)
        where T : IFloatingPointIeee754<T>
    {
        NumericalGradient gradient = Numerics.Differentiate(x, cost, DifferenceMethod.Richardson).Gradient;
        double[] actualErrors = [.. gradient.Value.Select((value, i) => Math.Abs(value - expected[i]))];
        using (Assert.EnterMultipleScope())
        {
            Assert.That(gradient.Value, Is.EqualTo(expected).Within(bound));
            for (int i = 0; i < x.Length; i++)
            {
                Assert.That(actualErrors[i], Is.LessThanOrEqualTo(2 * gradient.Error[i]), $"|n - f'| <= 2 e(n) at entry {i}");
            }

            Assert.That(gradient.IsKink, Has.All.False);
        }
    }
}
