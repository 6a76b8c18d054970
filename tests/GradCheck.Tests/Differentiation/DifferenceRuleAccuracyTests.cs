using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Differentiation;

/// <summary>
/// What every difference rule must do on smooth functions of order 1 to 10 near the point, in double and
/// in float: land within the rule's bound of the true derivative, find no kink, and, for a rule that
/// estimates its truncation (Richardson), be within twice its error estimate e(n). One fixture per rule;
/// what only one rule does (the two-point rule's width, Richardson's error estimate) stays in that rule's own tests.
/// </summary>
/// <remarks>
/// The bounds, for |f| and |f'''| of order 1 to 10:
/// <list type="bullet">
/// <item>Two-point, double: truncation h²|f'''|/6 ≈ 6e-12 |f'''| (h = 6.06e-6) plus round-off ≈ 2 ulps |f| / 2h ≈ 4e-11 |f|:
/// 1e-9 has margin, while a one-sided difference (error h|f''|/2 ≈ 3e-6) fails it.</item>
/// <item>Two-point, float: truncation ≈ 4e-6 |f'''| (h = 4.9e-3) plus round-off ≈ 2.4e-5 |f|: 1e-4.</item>
/// <item>Richardson, double: truncation h⁴|f⁽⁵⁾|/30 ≈ 4e-17 |f⁽⁵⁾| (h = 1.85e-4) plus round-off ≈ 1.5 ε |f| / h ≈ 1.8e-12 |f|:
/// 1e-10, which a plain central difference at this h (h²|f'''|/6 ≈ 6e-9) fails.</item>
/// <item>Richardson, float: round-off ≈ 1.7e-5 |f| per ulp of error in the cost (h = 1.03e-2); float's
/// elementary functions carry 1-2 ulps: 2e-4.</item>
/// <item>Log-sum-exp and softmax cross-entropy in float: f ≈ 2 through about 12 rounded float operations
/// (exp, sum, log), a few ulps of 2 per evaluation: 5e-4 for both rules.</item>
/// </list>
/// </remarks>
[TestFixture(DifferenceMethod.CentralTwoPoint, 1e-9, 1e-4, false)]
[TestFixture(DifferenceMethod.Richardson, 1e-10, 2e-4, true)]
public sealed class DifferenceRuleAccuracyTests(DifferenceMethod rule, double doubleBound, double floatBound, bool estimatesTruncation)
{
    private const double FloatSumsBound = 5e-4;

    [Test]
    public void Derivative_of_x_squared_at_3_is_6()
    {
        AssertDerivative([3.0], v => v[0] * v[0], [6.0], doubleBound);
        AssertDerivative([3f], v => v[0] * v[0], [6.0], floatBound);
    }

    [TestCase(0.7)]
    [TestCase(-2.0)]
    public void Derivative_of_sin_is_cos(double x)
    {
        AssertDerivative([x], v => Math.Sin(v[0]), [Math.Cos(x)], doubleBound);
        AssertDerivative([(float)x], v => MathF.Sin(v[0]), [Math.Cos((float)x)], floatBound);
    }

    [TestCase(0.5)]
    [TestCase(-1.0)]
    public void Derivative_of_exp_is_exp(double x)
    {
        AssertDerivative([x], v => Math.Exp(v[0]), [Math.Exp(x)], doubleBound);
        AssertDerivative([(float)x], v => MathF.Exp(v[0]), [Math.Exp((float)x)], floatBound);
    }

    [Test]
    public void Gradient_of_log_sum_exp_is_softmax()
    {
        AssertGradientOfLogSumExp<double>(seed: 11, doubleBound);
        AssertGradientOfLogSumExp<float>(seed: 11, FloatSumsBound);
    }

    [Test]
    public void Gradient_of_softmax_cross_entropy_is_softmax_minus_one_hot()
    {
        AssertGradientOfSoftmaxCrossEntropy<double>(seed: 12, doubleBound);
        AssertGradientOfSoftmaxCrossEntropy<float>(seed: 12, FloatSumsBound);
    }

    private void AssertGradientOfLogSumExp<T>(int seed, double bound)
        where T : IFloatingPointIeee754<T>
    {
        T[] z = Functions.Uniform<T>(new Random(seed), 5, 2.0);
        AssertDerivative(z, v => Functions.LogSumExp<T>(v), [.. Functions.Softmax<T>(z).Select(double.CreateTruncating)], bound);
    }

    private void AssertGradientOfSoftmaxCrossEntropy<T>(int seed, double bound)
        where T : IFloatingPointIeee754<T>
    {
        const int label = 3;
        T[] z = Functions.Uniform<T>(new Random(seed), 5, 2.0);
        AssertDerivative(z, v => Functions.SoftmaxCrossEntropy<T>(v, label), [.. Functions.SoftmaxCrossEntropyGradient<T>(z, label).Select(double.CreateTruncating)], bound);
    }

    private void AssertDerivative<T>(T[] x, Func<T[], T> cost, double[] expected, double bound)
        where T : IFloatingPointIeee754<T>
    {
        NumericalGradient gradient = Numerics.Differentiate(x, cost, rule).Gradient;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Numerics.Column(gradient, e => e.Value), Is.EqualTo(expected).Within(bound), typeof(T).Name);
            Assert.That(Numerics.Column(gradient, e => e.IsKink), Has.All.False, typeof(T).Name);
            for (int i = 0; estimatesTruncation && i < x.Length; i++)
            {
                Assert.That(Math.Abs(gradient[i].Value - expected[i]), Is.LessThanOrEqualTo(2 * gradient[i].Error), $"|n - f'| <= 2 e(n) at entry {i}, {typeof(T).Name}");
            }
        }
    }
}
