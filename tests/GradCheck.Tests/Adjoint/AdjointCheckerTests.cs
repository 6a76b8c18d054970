using System.Numerics;
using GradCheck.Reporting;

namespace GradCheck.Tests.Adjoint;

public class AdjointCheckerTests
{
    private const int Seeds = 200;

    [Test]
    public void Passes_a_correct_convolution_adjoint_at_every_seed_in_double_and_float([Values(1, 3, 7)] int kernelLength, [Values(8, 300)] int inputLength)
    {
        Assert.That(FalseAlarms<double>(kernelLength, inputLength), Is.Empty);
        Assert.That(FalseAlarms<float>(kernelLength, inputLength), Is.Empty);

        static IEnumerable<string> FalseAlarms<T>(int kernelLength, int inputLength)
            where T : IFloatingPointIeee754<T>
        {
            for (int seed = 0; seed < Seeds; seed++)
            {
                T[] kernel = Kernel<T>(kernelLength, seed);
                AdjointReport report = AdjointChecker.Check<T>(x => LinearMaps.Convolve(x, kernel), y => LinearMaps.ConvolveAdjoint(y, kernel, inputLength), inputLength, seed);
                if (!report.Passed)
                {
                    yield return $"{typeof(T).Name} seed {seed}: {report}";
                }
            }
        }
    }

    [TestCase(AdjointBug.Factor)]
    [TestCase(AdjointBug.Transposed)]
    [TestCase(AdjointBug.MissingTerm)]
    public void Fails_a_convolution_adjoint_with_a_planted_bug_at_every_seed_in_double_and_float(AdjointBug bug)
    {
        for (int seed = 0; seed < Seeds; seed++)
        {
            double[] kernel = Kernel<double>(3, seed);
            float[] kernelF = [.. kernel.Select(value => (float)value)];
            AdjointReport inDouble = AdjointChecker.Check<double>(x => LinearMaps.Convolve(x, kernel), y => LinearMaps.ConvolveAdjoint(y, kernel, 12, bug), 12, seed);
            AdjointReport inFloat = AdjointChecker.Check<float>(x => LinearMaps.Convolve(x, kernelF), y => LinearMaps.ConvolveAdjoint(y, kernelF, 12, bug), 12, seed);
            Assert.That(inDouble.Passed || inFloat.Passed, Is.False, $"seed {seed}:\n{inDouble}\n{inFloat}");
        }
    }

    [Test]
    public void Passes_a_layers_forward_derivative_against_its_backward_pass_at_every_seed()
    {
        for (int seed = 0; seed < Seeds; seed++)
        {
            var layer = new LinearMaps.TanhLayer<float>(inputs: 64, outputs: 64, seed);
            AdjointReport report = AdjointChecker.Check<float, float[], float[]>(layer.ForwardDerivative, w => layer.Backward(w), layer.Input, seed);
            Assert.That(report.Passed, Is.True, $"seed {seed}: {report}");
        }
    }

    [TestCase(AdjointBug.Factor)]
    [TestCase(AdjointBug.Transposed)]
    [TestCase(AdjointBug.MissingTerm)]
    public void Fails_a_layer_whose_backward_pass_has_a_planted_bug_at_every_seed(AdjointBug bug)
    {
        for (int seed = 0; seed < Seeds; seed++)
        {
            var layer = new LinearMaps.TanhLayer<double>(inputs: 16, outputs: 16, seed);
            AdjointReport report = AdjointChecker.Check<double, double[], double[]>(layer.ForwardDerivative, w => layer.Backward(w, bug), layer.Input, seed);
            Assert.That(report.Passed, Is.False, $"seed {seed}: {report}");
        }
    }

    [Test]
    public void Takes_matrices_of_any_rank_and_refuses_an_adjoint_of_the_wrong_shape()
    {
        double[,] a = { { 1, 2, 3 }, { 4, 5, 6 } };
        double[,] Map(double[,] v) => new double[,] { { (a[0, 0] * v[0, 0]) + (a[0, 1] * v[0, 1]) + (a[0, 2] * v[0, 2]) }, { (a[1, 0] * v[0, 0]) + (a[1, 1] * v[0, 1]) + (a[1, 2] * v[0, 2]) } };
        double[,] Adjoint(double[,] w) => new double[,] { { (a[0, 0] * w[0, 0]) + (a[1, 0] * w[1, 0]), (a[0, 1] * w[0, 0]) + (a[1, 1] * w[1, 0]), (a[0, 2] * w[0, 0]) + (a[1, 2] * w[1, 0]) } };

        Assert.That(AdjointChecker.Check<double, double[,], double[,]>(Map, Adjoint, new double[1, 3]).Passed, Is.True);
        Assert.That(
            () => AdjointChecker.Check<double, double[,], double[,]>(Map, w => new double[3, 1], new double[1, 3]),
            Throws.ArgumentException.With.Message.Contains("The adjoint's output has shape (3, 1), but the map's input has shape (1, 3)"));
    }

    [Test]
    public void Refuses_an_input_with_no_entries_rather_than_pass_on_nothing()
    {
        Assert.That(() => AdjointChecker.Check<double>(v => v, w => w, inputLength: 0), Throws.ArgumentException.With.Message.Contains("nothing to check"));
    }

    [Test]
    public void Fails_when_the_map_returns_NaN_and_says_so()
    {
        AdjointReport report = AdjointChecker.Check<double>(v => [double.NaN, v[0]], w => [w[1], 0], inputLength: 2);
        Assert.That(report.Passed, Is.False);
        Assert.That(report.ToString(), Does.StartWith("Adjoint check failed: <J v, w> is NaN or infinite"));
    }

    [Test]
    public void Leaves_v_and_w_as_drawn_when_the_functions_modify_their_arguments()
    {
        // A map that scribbles over its argument after use must not change the v the dot product reads.
        AdjointReport report = AdjointChecker.Check<double>(
            v => { double[] y = [2 * v[0], v[1]]; v[0] = 1e9; return y; },
            w => { double[] x = [2 * w[0], w[1]]; w[1] = -1e9; return x; },
            inputLength: 2);
        Assert.That(report.Passed, Is.True, report.ToString());
    }

    private static T[] Kernel<T>(int length, int seed)
        where T : IFloatingPointIeee754<T>
    {
        var random = new Random(seed + 1);
        return [.. Enumerable.Range(0, length).Select(_ => T.CreateTruncating((random.NextDouble() * 2) - 1))];
    }
}
