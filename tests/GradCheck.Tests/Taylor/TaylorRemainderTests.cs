using System.Numerics;
using GradCheck.Diagnosis;
using GradCheck.Examples.Models;
using GradCheck.Reporting;
using GradCheck.Tests.Coverage;
using GradCheck.Tests.Support;
using GradCheck.Testing;

namespace GradCheck.Tests.Taylor;

public class TaylorRemainderTests
{
    private static readonly GradientCheckOptions Taylor = new() { Coverage = CheckCoverage.TaylorRemainder() };

    /// <summary>How many seeds (points and directions) each claim of no false alarm is made over.</summary>
    private const int Seeds = 60;

    [Test]
    public void Passes_correct_gradients_of_a_mixed_cost_at_every_seed_in_double_and_float(
        [Values(2, 7, 40)] int length)
    {
        var failures = new List<string>();
        for (int seed = 0; seed < Seeds; seed++)
        {
            failures.AddRange(Failure<double>(length, seed));
            failures.AddRange(Failure<float>(length, seed));
        }

        Assert.That(failures, Is.Empty);

        static IEnumerable<string> Failure<T>(int length, int seed)
            where T : IFloatingPointIeee754<T>
        {
            T[] x = MixedCost.Point<T>(length, seed);
            GradientCheckReport report = GradientChecker.Check(MixedCost.Cost, x, MixedCost.Gradient(x), Taylor with { Coverage = CheckCoverage.TaylorRemainder(seed) });
            return report.Passed ? [] : [$"{typeof(T).Name} seed {seed}: {report}"];
        }
    }

    [Test]
    public void Passes_softmax_cross_entropy_and_log_sum_exp_at_every_seed_in_float()
    {
        for (int seed = 0; seed < Seeds; seed++)
        {
            float[] z = Functions.Uniform<float>(new Random(seed), 10, 3);
            GradientCheckOptions options = Taylor with { Coverage = CheckCoverage.TaylorRemainder(seed) };
            GradientCheckReport crossEntropy = GradientChecker.Check(t => Functions.SoftmaxCrossEntropy<float>(t, 3), z, Functions.SoftmaxCrossEntropyGradient<float>(z, 3), options);
            GradientCheckReport logSumExp = GradientChecker.Check(t => Functions.LogSumExp<float>(t), z, Functions.Softmax<float>(z), options);
            Assert.That(crossEntropy.Passed && logSumExp.Passed, Is.True, $"seed {seed}:\n{crossEntropy}\n{logSumExp}");
        }
    }

    [Test]
    public void Reads_order_two_on_a_correct_gradient_and_order_one_on_a_wrong_factor()
    {
        double[] x = MixedCost.Point<double>(7, seed: 3);
        double[] right = MixedCost.Gradient(x);
        double[] wrong = [.. right.Select(value => 1.5 * value)];

        TaylorReport passing = GradientChecker.Check(MixedCost.Cost, x, right, Taylor).Tensors[0].Taylor!;
        TaylorReport failing = GradientChecker.Check(MixedCost.Cost, x, wrong, Taylor).Tensors[0].Taylor!;

        // Double leaves R1 above the noise down to small steps, so the last order read is the limit's.
        Assert.That(passing.ObservedOrder, Is.EqualTo(2).Within(0.05), passing.Verdict);
        // The sweep stops once four halvings show order 1, so the last order read is near, not at, the limit.
        Assert.That(failing.ObservedOrder, Is.EqualTo(1).Within(0.1), failing.Verdict);
        Assert.That(failing.Verdict, Does.Match(@"^R1 shrinks as h\^(0\.9|1\.0)\d: the gradient is wrong along this direction$"));
        Assert.That(passing.Verdict, Does.Match(@"^R1 shrinks as h\^(1\.9|2\.0)\d: the gradient is right along this direction$"));
    }

    [TestCase(1.5)]
    [TestCase(1.01)]
    [TestCase(-1.0)]
    public void Fails_a_gradient_off_by_a_factor_in_double_at_every_seed(double factor)
    {
        for (int seed = 0; seed < Seeds; seed++)
        {
            double[] x = MixedCost.Point<double>(12, seed);
            double[] wrong = [.. MixedCost.Gradient(x).Select(value => factor * value)];
            GradientCheckReport report = GradientChecker.Check(MixedCost.Cost, x, wrong, Taylor with { Coverage = CheckCoverage.TaylorRemainder(seed) });
            Assert.That(report.Passed, Is.False, $"seed {seed}: {report}");
        }
    }

    [Test]
    public void Fails_a_gradient_off_by_a_factor_of_two_in_float_at_every_seed()
    {
        for (int seed = 0; seed < Seeds; seed++)
        {
            float[] x = MixedCost.Point<float>(12, seed);
            float[] wrong = [.. MixedCost.Gradient(x).Select(value => 2f * value)];
            GradientCheckReport report = GradientChecker.Check(MixedCost.Cost, x, wrong, Taylor with { Coverage = CheckCoverage.TaylorRemainder(seed) });
            Assert.That(report.Passed, Is.False, $"seed {seed}: {report}");
        }
    }

    [Test]
    public void Fails_a_gradient_missing_a_term_in_double_and_float_and_localises_its_entries()
    {
        for (int seed = 0; seed < Seeds; seed++)
        {
            double[] x = MixedCost.Point<double>(9, seed);
            float[] xf = [.. x.Select(value => (float)value)];
            GradientCheckOptions options = Taylor with { Coverage = CheckCoverage.TaylorRemainder(seed) };
            GradientCheckReport inDouble = GradientChecker.Check(MixedCost.Cost, x, MixedCost.GradientMissingATerm(x), options);
            GradientCheckReport inFloat = GradientChecker.Check(MixedCost.Cost, xf, MixedCost.GradientMissingATerm(xf), options);
            Assert.That(inDouble.Passed || inFloat.Passed, Is.False, $"seed {seed}:\n{inDouble}\n{inFloat}");
            Assert.That(inDouble.Tensors[0].FailedEntryCount, Is.Positive, inDouble.ToString());
        }
    }

    [Test]
    public void Passes_the_seeds_correct_network_and_names_its_two_planted_bugs_with_their_factors()
    {
        var network = new SeedNetwork();

        GradientCheckReport right = GradientChecker.Check(network.Cost, network.Net.Parameters, network.Gradients(), Taylor);
        GradientCheckReport wrong = GradientChecker.Check(network.Cost, network.Net.Parameters, network.GradientsWithSeedBugs(), Taylor);

        Assert.That(right.Passed, Is.True, right.ToString());
        Assert.That(wrong.FailedTensors.Select(tensor => tensor.Name), Is.EquivalentTo(new[] { "b1", "W2" }), wrong.ToString());
        Assert.That(wrong.Tensors.Single(tensor => tensor.Name == "W2").Diagnosis, Has.Property(nameof(TensorDiagnosis.Kind)).EqualTo(BugKind.ConstantFactor).And.Property(nameof(TensorDiagnosis.Factor)).EqualTo(2.0).Within(1e-6));

        // A handful per tensor, whatever its size: W1 has 61,440 entries.
        Assert.That(right.CostEvaluations, Is.LessThan(6 * 40), right.ToString());
    }

    [Test]
    public void Passes_a_correct_float_network_at_every_seed_though_its_remainders_reach_the_noise()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var net = new DenseNetwork<float>([20, 8, 6, 3], Activation.Tanh, seed);
            (float[,] x, float[,] y) = (Functions.UniformMatrix<float>(new Random(seed), 20, 4, 1), Functions.UniformMatrix<float>(new Random(seed + 1000), 3, 4, 1));
            GradientCheckReport report = GradientChecker.Check(() => net.Cost(x, y), net.Parameters, net.Backward(x, y), Taylor with { Coverage = CheckCoverage.TaylorRemainder(seed) });
            Assert.That(report.Passed, Is.True, $"seed {seed}: {report}");

            // The claim is about the plateau: every sweep ends there, its last two remainders within 100 times the noise.
            Assert.That(report.Tensors.All(tensor => InNoise(tensor.Taylor!, ^1) && InNoise(tensor.Taylor!, ^2)), Is.True);
        }

        static bool InNoise(TaylorReport taylor, Index step) => taylor.Remainders[step] <= TaylorReport.FitFactor * taylor.NoiseFloors[step];
    }

    [Test]
    public void Fails_a_float_network_whose_backward_pass_doubles_one_tensor()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var net = new DenseNetwork<float>([20, 8, 6, 3], Activation.Tanh, seed);
            (float[,] x, float[,] y) = (Functions.UniformMatrix<float>(new Random(seed), 20, 4, 1), Functions.UniformMatrix<float>(new Random(seed + 1000), 3, 4, 1));
            Dictionary<string, float[,]> gradients = net.Backward(x, y);
            float[,] w2 = gradients["dW2"];
            for (int i = 0; i < w2.GetLength(0); i++)
            {
                for (int j = 0; j < w2.GetLength(1); j++)
                {
                    w2[i, j] *= 2;
                }
            }

            GradientCheckReport report = GradientChecker.Check(() => net.Cost(x, y), net.Parameters, gradients, Taylor with { Coverage = CheckCoverage.TaylorRemainder(seed) });
            Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "W2" }), $"seed {seed}: {report}\n{string.Join("\n", report.Tensors.Select(tensor => $"{tensor.Name}: {tensor.Taylor} R1 {string.Join(" ", tensor.Taylor!.Remainders.Select(r => r.ToString("e2")))} floor {tensor.Taylor.NoiseFloors[0]:e2} a.u {tensor.Taylor.DirectionalDerivative:e2}"))}");
        }
    }

    [Test]
    public void Passes_a_cost_linear_along_the_direction_and_fails_a_wrong_slope_there()
    {
        double[] weights = [0.5, -2, 3];
        double Cost(double[] t) => (weights[0] * t[0]) + (weights[1] * t[1]) + (weights[2] * t[2]);

        GradientCheckReport right = GradientChecker.Check(Cost, [1.0, 2, 3], weights, Taylor);
        GradientCheckReport wrong = GradientChecker.Check(Cost, [1.0, 2, 3], [0.5, -2, 3.01], Taylor);

        Assert.That(right.Passed, Is.True, right.ToString());
        Assert.That(right.Tensors[0].Taylor!.Verdict, Does.StartWith("R1 stays within 32 times the noise floor at every step: the cost is linear along u"));
        Assert.That(wrong.Tensors[0].Taylor!.Verdict, Does.StartWith("R1 shrinks as h^1.00: the gradient is wrong"), wrong.ToString());
    }

    [Test]
    public void Fails_a_gradient_with_a_NaN_entry_and_names_it()
    {
        double[] x = MixedCost.Point<double>(5, seed: 1);
        double[] gradient = MixedCost.Gradient(x);
        gradient[2] = double.NaN;

        GradientCheckReport report = GradientChecker.Check(MixedCost.Cost, x, gradient, Taylor);

        Assert.That(report.Tensors[0].Taylor!.Outcome, Is.EqualTo(EntryOutcome.AnalyticNotFinite));
        Assert.That(report.ToString(), Does.Contain("theta[2]"));
    }

    [Test]
    public void Restores_the_parameters_bitwise_and_fits_in_a_few_dozen_evaluations()
    {
        var network = new SeedNetwork();
        double[,] before = (double[,])network.Net.Parameters["W1"].Clone();

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Net.Parameters, network.Gradients(), Taylor with { Tensors = ["W1"] });

        Assert.That(Bits.Of(network.Net.Parameters["W1"]), Is.EqualTo(Bits.Of(before)));
        Assert.That(report.Tensors[0].Taylor!.CostEvaluations, Is.LessThanOrEqualTo(8 + 1 + TaylorRemainderTestSteps));
    }

    private const int TaylorRemainderTestSteps = GradCheck.Taylor.TaylorRemainderTest.MostHalvings;
}
