using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Diagnosis;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Diagnosis;

/// <summary>
/// A factor is named only when the entries can tell it from 1 and n is well above its own error: a
/// wrong-on-purpose factor still reads as one, a correct gradient held to a rule tighter than the
/// check resolves reads as that, and a ratio to the noise of an n that is 0 by construction is no factor.
/// On a small tanh network and a log-sum-exp, in double and in float.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class FactorResolutionTests<T>
    where T : IFloatingPointIeee754<T>
{
    private const string Within = "^the differences are within the numerical gradient's own error \\(about \\de-\\d\\d relative here, in {0}\\): the stated {1} is tighter than the check can resolve; loosen it or use the automatic rule$";

    private static readonly bool IsFloat = typeof(T) == typeof(float);

    /// <summary>A rule a correct gradient cannot meet: 1e-7 in float, 1e-13 in double.</summary>
    private static GradientTolerance TooTight => GradientTolerance.Within(IsFloat ? 1e-7 : 1e-13);

    private static string TooTightText => IsFloat ? "Within\\(1e-07\\)" : "Within\\(1e-13\\)";

    [Test]
    public void A_correct_tanh_network_under_a_rule_tighter_than_the_check_resolves_gets_no_factor([Values(1, 2, 3)] int seed)
    {
        var network = new TanhNetwork<T>(seed);
        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, network.Gradient(), new GradientCheckOptions { Tolerance = TooTight });

        Assert.That(report.Passed, Is.False, "the rule is meant to be too tight");
        AssertWithinNumericalError(report);
    }

    [Test]
    public void A_correct_log_sum_exp_under_a_rule_tighter_than_the_check_resolves_gets_no_factor([Values(1, 2, 3)] int seed)
    {
        var problem = new LogSumExpOfProducts(seed);
        GradientCheckReport report = GradientChecker.Check(problem.Cost, problem.Parameters, problem.Gradient(), new GradientCheckOptions { Tolerance = TooTight });

        Assert.That(report.Passed, Is.False, "the rule is meant to be too tight");
        AssertWithinNumericalError(report);
    }

    [Test]
    public void A_correct_tanh_network_under_the_automatic_rule_passes()
    {
        var network = new TanhNetwork<T>(1);
        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, network.Gradient());
        Assert.That(report.Passed, Is.True, report.ToString);
    }

    [TestCase(2.0, "2.000")]
    [TestCase(1.01, "1.010")]
    public void A_tanh_network_gradient_off_by_a_factor_names_it(double factor, string named)
    {
        var network = new TanhNetwork<T>(2);
        Dictionary<string, Array> gradient = network.Gradient();
        Arrays.Transform<T>(gradient["dW2"], value => value * T.CreateTruncating(factor));

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, gradient);

        AssertFactor(report, "W2", factor, named);
        Assert.That(report.FailedTensors.Select(failed => failed.Name), Is.EqualTo(new[] { "W2" }), report.ToString);
    }

    [TestCase(2.0, "2.000")]
    [TestCase(1.01, "1.010")]
    public void A_log_sum_exp_gradient_off_by_a_factor_names_it(double factor, string named)
    {
        var problem = new LogSumExpOfProducts(3);
        Dictionary<string, T[,]> gradient = problem.Gradient();
        Arrays.Transform<T>(gradient["dW"], value => value * T.CreateTruncating(factor));

        GradientCheckReport report = GradientChecker.Check(problem.Cost, problem.Parameters, gradient);

        AssertFactor(report, "W", factor, named);
        Assert.That(report.FailedTensors.Select(failed => failed.Name), Is.EqualTo(new[] { "W" }), report.ToString);
    }

    [Test]
    public void A_factor_the_entries_resolve_is_named_under_a_stated_rule_too()
    {
        var network = new TanhNetwork<T>(3);
        Dictionary<string, Array> gradient = network.Gradient();
        Arrays.Transform<T>(gradient["dW2"], value => value * T.CreateTruncating(1.01));

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, gradient, new GradientCheckOptions { Tolerance = TooTight });

        AssertFactor(report, "W2", 1.01, "1.010");
        Assert.That(report.Tensors.Where(tensor => tensor.Name != "W2" && !tensor.Passed).Select(tensor => tensor.Diagnosis!.Kind), Is.All.EqualTo(BugKind.WithinNumericalError));
    }

    [Test]
    public void A_mean_without_its_one_over_m_is_read_as_the_batch_size()
    {
        var network = new TanhNetwork<T>(1);
        var options = new GradientCheckOptions { BatchSize = TanhNetwork<T>.Samples };

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, network.Gradient(dropOneOverM: true), options);

        Assert.That(DiagnosisOf(report, "W1").Description, Is.EqualTo("every entry is 4.000x the numerical gradient: m, the batch size (4): is the 1/m of a mean left out?"), report.ToString);
    }

    [Test]
    public void A_right_mean_under_a_rule_tighter_than_the_check_resolves_is_not_read_as_the_batch_size()
    {
        var network = new TanhNetwork<T>(1);
        var options = new GradientCheckOptions { BatchSize = TanhNetwork<T>.Samples, Tolerance = TooTight };

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Parameters, network.Gradient(), options);

        Assert.That(report.Passed, Is.False, "the rule is meant to be too tight");
        AssertWithinNumericalError(report);
        Assert.That(report.ToString(), Does.Not.Contain("batch size"));
    }

    [Test]
    public void A_gradient_where_n_is_0_by_construction_is_no_ratio_to_its_noise()
    {
        // J = logsumexp(x + s0 + s1) - s0 - s1 does not depend on s, but n is round-off rather than 0;
        // the backward pass forgot the -1 of each s, so a = 1.
        var problem = new ShiftInvariant();
        Dictionary<string, T[,]> gradient = problem.Gradient();
        gradient["ds"] = new T[,] { { T.One, T.One } };

        GradientCheckReport report = GradientChecker.Check(problem.Cost, problem.Parameters, gradient);

        TensorDiagnosis diagnosis = DiagnosisOf(report, "s");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.NotReadByCost), report.ToString);
            Assert.That(diagnosis.Factor, Is.Null);
            Assert.That(diagnosis.Description, Does.Not.Contain("x the numerical"));
            Assert.That(report.Tensors.Single(tensor => tensor.Name == "x").Passed, Is.True, report.ToString);
        }
    }

    private static void AssertWithinNumericalError(GradientCheckReport report)
    {
        string pattern = string.Format(System.Globalization.CultureInfo.InvariantCulture, Within, IsFloat ? "float" : "double", TooTightText);
        using (Assert.EnterMultipleScope())
        {
            foreach (TensorReport tensor in report.FailedTensors)
            {
                Assert.That(tensor.Diagnosis?.Kind, Is.EqualTo(BugKind.WithinNumericalError), () => $"{tensor.Name}: {tensor.Diagnosis}");
                Assert.That(tensor.Diagnosis?.Description, Does.Match(pattern), tensor.Name);
                Assert.That(tensor.Diagnosis?.Factor, Is.Null, tensor.Name);
            }

            Assert.That(report.ToString(), Does.Not.Contain("x the numerical gradient"));
        }
    }

    private static void AssertFactor(GradientCheckReport report, string tensor, double factor, string named)
    {
        TensorDiagnosis diagnosis = DiagnosisOf(report, tensor);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnosis.Description, Is.EqualTo($"every entry is {named}x the numerical gradient"), report.ToString);
            Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.ConstantFactor));
            Assert.That(diagnosis.Factor, Is.EqualTo(factor).Within(1e-3 * factor));
        }
    }

    private static TensorDiagnosis DiagnosisOf(GradientCheckReport report, string tensor)
    {
        TensorDiagnosis? diagnosis = report.Tensors.Single(t => t.Name == tensor).Diagnosis;
        Assert.That(diagnosis, Is.Not.Null, () => $"{tensor} has no diagnosis:{Environment.NewLine}{report}");
        return diagnosis!;
    }

    /// <summary>J(W) = log Σᵢ exp((W v)ᵢ) + ½ |W|², W (4, 3), v fixed: dW[i,j] = softmax(W v)ᵢ vⱼ + W[i,j].</summary>
    private sealed class LogSumExpOfProducts
    {
        private readonly T[,] w;
        private readonly T[] v;

        public LogSumExpOfProducts(int seed)
        {
            var random = new Random(seed);
            w = Functions.UniformMatrix<T>(random, 4, 3, 1.5);
            v = Functions.Uniform<T>(random, 3, 2.0);
        }

        public Dictionary<string, T[,]> Parameters => new(StringComparer.Ordinal) { ["W"] = w };

        public T Cost()
        {
            T total = Functions.LogSumExp<T>(Products());
            foreach (T value in w)
            {
                total += T.CreateTruncating(0.5) * value * value;
            }

            return total;
        }

        public Dictionary<string, T[,]> Gradient()
        {
            T[] p = Functions.Softmax<T>(Products());
            var dW = new T[4, 3];
            for (int i = 0; i < 4; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    dW[i, j] = (p[i] * v[j]) + w[i, j];
                }
            }

            return new(StringComparer.Ordinal) { ["dW"] = dW };
        }

        private T[] Products()
        {
            var z = new T[4];
            for (int i = 0; i < 4; i++)
            {
                for (int j = 0; j < 3; j++)
                {
                    z[i] += w[i, j] * v[j];
                }
            }

            return z;
        }
    }

    /// <summary>J(x, s) = logsumexp(x + s0 + s1) - s0 - s1, x (1, 4), s (1, 2): constant in s, gradient softmax(x) in x and 0 in s.</summary>
    private sealed class ShiftInvariant
    {
        private readonly T[,] x = { { T.CreateTruncating(0.3), T.CreateTruncating(-1.2), T.CreateTruncating(0.7), T.CreateTruncating(2.1) } };
        private readonly T[,] s = { { T.CreateTruncating(0.45), T.CreateTruncating(-0.8) } };

        public Dictionary<string, T[,]> Parameters => new(StringComparer.Ordinal) { ["x"] = x, ["s"] = s };

        public T Cost()
        {
            T shift = s[0, 0] + s[0, 1];
            T[] shifted = [.. Enumerable.Range(0, 4).Select(i => x[0, i] + shift)];
            return Functions.LogSumExp<T>(shifted) - s[0, 0] - s[0, 1];
        }

        public Dictionary<string, T[,]> Gradient()
        {
            T[] p = Functions.Softmax<T>([.. Enumerable.Range(0, 4).Select(i => x[0, i])]);
            return new(StringComparer.Ordinal)
            {
                ["dx"] = new T[,] { { p[0], p[1], p[2], p[3] } },
                ["ds"] = new T[1, 2],
            };
        }
    }
}
