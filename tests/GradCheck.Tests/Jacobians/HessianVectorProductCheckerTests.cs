using System.Numerics;
using GradCheck.Differentiation;
using GradCheck.Jacobians;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Jacobians;

/// <summary>
/// End to end through <see cref="HessianVectorProductChecker"/> with the default tolerance, in double and
/// in float: correct products of known costs pass, products wrong on purpose fail naming the entries
/// Hv[i], the rounding of x + t v is measured, and x and v are never touched.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class HessianVectorProductCheckerTests<T>
    where T : IFloatingPointIeee754<T>
{
    private static readonly T OnePercent = T.CreateTruncating(1.01);

    [Test]
    public void Passes_the_product_of_a_quadratic_with_a_non_symmetric_matrix([Values(1, 2, 3)] int seed)
    {
        // ½ xᵀ A x: g = (A + Aᵀ) x / 2, so H v = (A + Aᵀ) v / 2.
        (T[,] a, T[] x, T[] v) = Quadratic(seed);
        T[,] h = VectorFunctions.SymmetricPart(a);
        AssertPasses(HessianVectorProductChecker.Check(t => VectorFunctions.Multiply(h, t), x, v, VectorFunctions.Multiply(h, v)));
    }

    [Test]
    public void Fails_a_product_that_takes_the_non_symmetric_matrix_for_the_Hessian([Values(1, 2, 3)] int seed)
    {
        // The classic slip: H v = A v, right only when A is symmetric.
        (T[,] a, T[] x, T[] v) = Quadratic(seed);
        T[,] h = VectorFunctions.SymmetricPart(a);

        GradientCheckReport report = HessianVectorProductChecker.Check(t => VectorFunctions.Multiply(h, t), x, v, VectorFunctions.Multiply(a, v));

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Tensors[0].FailedEntryCount, Is.EqualTo(5), report.ToString);
        Assert.That(report.ToString(), Does.StartWith("Hessian-vector product check failed: 5 of 5 entries outside tolerance: Hv["));
    }

    [Test]
    public void Passes_the_product_of_log_sum_exp([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        T[] x = Functions.Uniform<T>(random, 6, 2.0);
        T[] v = Functions.Uniform<T>(random, 6, 1.0);
        AssertPasses(HessianVectorProductChecker.Check(t => Functions.Softmax<T>(t), x, v, VectorFunctions.LogSumExpHessianTimes(x, v)));
    }

    [Test]
    public void Fails_the_product_of_log_sum_exp_scaled_by_1_01([Values(1, 2, 3)] int seed)
    {
        var random = new Random(seed);
        T[] x = Functions.Uniform<T>(random, 6, 2.0);
        T[] v = Functions.Uniform<T>(random, 6, 1.0);
        T[] wrong = [.. VectorFunctions.LogSumExpHessianTimes(x, v).Select(value => value * OnePercent)];

        GradientCheckReport report = HessianVectorProductChecker.Check(t => Functions.Softmax<T>(t), x, v, wrong);

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Tensors[0].WorstEntries[0].Label, Does.Match(@"^Hv\[\d\]$"));
    }

    [Test]
    public void Passes_the_product_of_a_tanh_network_and_fails_it_scaled_by_1_01([Values(1, 2, 3)] int seed)
    {
        var ridge = new TanhRidge<T>(seed, inputs: 5, hidden: 4);
        var random = new Random(seed + 50);
        T[] x = Functions.Uniform<T>(random, 5, 1.0);
        T[] v = Functions.Uniform<T>(random, 5, 1.0);
        T[] hv = ridge.HessianTimes(x, v);

        AssertPasses(HessianVectorProductChecker.Check(ridge.Gradient, x, v, hv));
        Assert.That(HessianVectorProductChecker.Check(ridge.Gradient, x, v, [.. hv.Select(value => value * OnePercent)]).Passed, Is.False);
    }

    [Test]
    public void Measures_the_rounding_of_x_plus_t_v_near_a_minimum_far_from_0([Values(1, 2, 3)] int seed)
    {
        // g = H (x - x*) at x close to x* = O(60): g is tiny, while rounding x + t v to T moves the points
        // by ulps of 60 and g by H times that. The measured effect enters e(n); the product passes.
        var random = new Random(seed);
        T[,] h = VectorFunctions.SymmetricPart(Functions.UniformMatrix<T>(random, 5, 5, 100.0));
        T[] minimum = Functions.Uniform<T>(random, 5, 60.0);
        T[] x = [.. minimum.Select(value => value + T.CreateTruncating(1e-3 * random.NextDouble()))];
        T[] v = Functions.Uniform<T>(random, 5, 1.0);
        T[] Gradient(T[] t) => VectorFunctions.Multiply(h, [.. t.Select((value, i) => value - minimum[i])]);

        GradientCheckReport report = HessianVectorProductChecker.Check(Gradient, x, v, VectorFunctions.Multiply(h, v));

        AssertPasses(report);
        Assert.That(report.CostEvaluations, Is.EqualTo(11));
        Assert.That(report.Subject.Evaluations, Does.Contain("rounding x + t v to " + (typeof(T) == typeof(float) ? "float" : "double") + " moves the estimate's direction off v by up to"));
        Assert.That(report.Tensors[0].KinkCount, Is.Zero, report.ToString);
    }

    [Test]
    public void Evaluates_g_eleven_times_or_two_point_seven()
    {
        (T[,] a, T[] x, T[] v) = Quadratic(4);
        T[,] h = VectorFunctions.SymmetricPart(a);
        T[] hv = VectorFunctions.Multiply(h, v);

        GradientCheckReport richardson = HessianVectorProductChecker.Check(t => VectorFunctions.Multiply(h, t), x, v, hv);
        GradientCheckReport twoPoint = HessianVectorProductChecker.Check(
            t => VectorFunctions.Multiply(h, t), x, v, hv, new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint });

        AssertPasses(richardson);
        AssertPasses(twoPoint);
        Assert.That(richardson.CostEvaluations, Is.EqualTo(6 + 2 + 3));
        Assert.That(twoPoint.CostEvaluations, Is.EqualTo(2 + 2 + 3));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(twoPoint.ToString(), Does.Contain("Numerical Hessian-vector product: central difference in t at ±h; h = cbrt(ε) max(1, max|x|) / max|v| = "));
            Assert.That(twoPoint.ToString(), Does.Contain(Environment.NewLine + "7 evaluations of g: 2 along v"));
            Assert.That(richardson.ToString(), Does.Contain(Environment.NewLine + "11 evaluations of g: 6 along v"));
        }
    }

    [Test]
    public void Accepts_a_subgradient_where_the_gradient_has_a_kink()
    {
        // L = Σ relu(x)² / 2: g = relu(x), H = diag(x > 0), with a kink of g at x = 0.
        T[] x = [T.Zero, T.CreateTruncating(0.7), T.CreateTruncating(-0.4)];
        T[] v = [T.One, T.CreateTruncating(-0.5), T.CreateTruncating(2)];
        static T[] Relu(T[] t) => [.. t.Select(value => T.Max(value, T.Zero))];

        GradientCheckReport report = HessianVectorProductChecker.Check(Relu, x, v, [T.One, T.CreateTruncating(-0.5), T.Zero]);

        AssertPasses(report);
        Assert.That(report.Tensors[0].Kinks.Select(entry => entry.Label), Is.EqualTo(new[] { "Hv[0]" }));
    }

    [Test]
    public void Never_modifies_x_or_v()
    {
        (T[,] a, T[] x, T[] v) = Quadratic(5);
        ulong[] before = [.. Bits.Of(x), .. Bits.Of(v)];

        HessianVectorProductChecker.Check(t => VectorFunctions.Multiply(a, t), x, v, VectorFunctions.Multiply(a, v));

        Assert.That(Bits.Of(x).Concat(Bits.Of(v)), Is.EqualTo(before));
    }

    [Test]
    public void Mismatched_lengths_are_errors_that_name_them()
    {
        T[] x = new T[3];
        T[] Identity(T[] t) => t;

        Assert.That(
            () => HessianVectorProductChecker.Check(Identity, x, new T[2], new T[3]),
            Throws.ArgumentException.With.Message.Contains("The direction v has 2 entries but x has 3").And.Property(nameof(ArgumentException.ParamName)).EqualTo("direction"));
        Assert.That(
            () => HessianVectorProductChecker.Check(Identity, x, [T.One, T.One, T.One], new T[4]),
            Throws.ArgumentException.With.Message.Contains("The Hessian-vector product has 4 entries but x has 3"));
        Assert.That(
            () => HessianVectorProductChecker.Check(t => new T[2], x, [T.One, T.One, T.One], new T[3]),
            Throws.ArgumentException.With.Message.Contains("The gradient function g returned 2 values at x, which has 3 entries"));
    }

    [Test]
    public void A_zero_or_non_finite_direction_is_an_error()
    {
        T[] x = new T[2];
        Assert.That(
            () => HessianVectorProductChecker.Check(t => t, x, new T[2], new T[2]),
            Throws.ArgumentException.With.Message.Contains("The direction v is 0"));
        Assert.That(
            () => HessianVectorProductChecker.Check(t => t, x, [T.One, T.PositiveInfinity], new T[2]),
            Throws.ArgumentException.With.Message.Contains("v[1] is ∞").Or.Message.Contains("v[1] is Infinity"));
    }

    [Test]
    public void The_report_names_the_product_and_its_definition()
    {
        var random = new Random(8);
        T[] x = Functions.Uniform<T>(random, 4, 2.0);
        T[] v = Functions.Uniform<T>(random, 4, 1.0);
        T[] wrong = VectorFunctions.LogSumExpHessianTimes(x, v);
        wrong[3] = -wrong[3];

        GradientCheckReport report = HessianVectorProductChecker.Check(t => Functions.Softmax<T>(t), x, v, wrong);
        string[] lines = report.ToString().Split('\n');

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Subject.Name, Is.EqualTo("Hessian-vector product"));
            Assert.That(lines[0], Is.EqualTo("Hessian-vector product check failed: 1 of 4 entries outside tolerance: Hv[3]."));
            Assert.That(lines[1], Is.EqualTo("Hv[i] = Σ_j H[i,j] v[j] = d/dt g(x + t v)[i] at t = 0, with g the gradient function and H = ∂g/∂x the Hessian"));
            Assert.That(lines[2], Does.StartWith("  Hv: wrong in 1 isolated entry only: "), "the diagnosis, under the heading");
            Assert.That(lines[3], Does.StartWith("Hv (4): 1 of 4 entries outside tolerance"));
            Assert.That(lines, Has.One.Match(@"^Numerical Hessian-vector product: five-point rule R\(h\) in t at ±h, ±2h, ±4h; h = ε\^\(1/5\)/4 max\(1, max\|x\|\) / max\|v\| = \d\.\d\de-\d\d in (float|double); e\(n\) = \|R\(h\) - R\(2h\)\| \+ 2 ulps \+ rounding\r?$"));
            Assert.That(
                lines,
                Has.One.Matches<string>(line => line!.StartsWith("11 evaluations of g: 6 along v", StringComparison.Ordinal) && line.TrimEnd().EndsWith("the round-off of g[i] is counted on at least max|g(x)|", StringComparison.Ordinal)),
                "the count and where g was evaluated, on one line");
        }
    }

    private static (T[,] A, T[] X, T[] V) Quadratic(int seed)
    {
        var random = new Random(seed);
        return (Functions.UniformMatrix<T>(random, 5, 5, 1.0), Functions.Uniform<T>(random, 5, 1.0), Functions.Uniform<T>(random, 5, 1.0));
    }

    private static void AssertPasses(GradientCheckReport report) => Assert.That(report.Passed, Is.True, report.ToString);
}
