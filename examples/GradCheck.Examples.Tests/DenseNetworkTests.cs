using GradCheck.Examples.Models;
using GradCheck.NUnit;
using GradCheck.Reporting;

namespace GradCheck.Examples.Tests;

/// <summary>
/// The named form: the network keeps W1, b1, W2, ... in a dictionary and its cost reads them in
/// place; the check perturbs them there and restores them bit for bit.
/// </summary>
public class DenseNetworkTests
{
    // CancelAfter bounds a check that could run long: it stops at its next cost evaluation, the test
    // fails saying how far it got, and the network is restored bit for bit.
    [Test]
    [CancelAfter(60_000)]
    public void Three_layer_relu_network_backprop_is_right()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();

        Dictionary<string, double[,]> grads = net.Backward(X, Y);

        Assert.That(grads, Is.GradientOf(() => net.Cost(X, Y)).WithRespectTo(net.Parameters).Within(1e-7));
    }

    [Test]
    public void The_seeds_planted_bugs_are_caught()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();

        Dictionary<string, double[,]> wrong = net.Backward(X, Y);
        Scale(wrong["dW2"], 2);
        Scale(wrong["db1"], 4);

        Assert.That(wrong, Is.Not.GradientOf(() => net.Cost(X, Y)).WithRespectTo(net.Parameters));
    }

    [Test]
    public void The_report_says_what_kind_of_bug_each_planted_one_is()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> wrong = net.Backward(X, Y);
        Scale(wrong["dW2"], 2);
        Scale(wrong["db1"], 4);

        // Is.GradientOf's failure message says the same under its verdict line; here it is read from the engine's report.
        GradientCheckReport report = GradientChecker.Check(() => net.Cost(X, Y), net.Parameters, wrong);

        Assert.That(report.FailedTensors.Select(tensor => $"{tensor.Name}: {tensor.Diagnosis}"), Is.EquivalentTo(new[]
        {
            "W2: every entry is 2.000x the numerical gradient",
            "b1: every entry is 4.000x the numerical gradient",
        }));
    }

    [Test]
    public void Float_network_passes_with_the_default_tolerance()
    {
        var net = new DenseNetwork<float>([4, 5, 3, 1], Activation.Tanh, seed: 1);
        (float[,] X, float[,] Y) = SeedData.ThreeLayerSmall<float>();

        Assert.That(net.Backward(X, Y), Is.GradientOf(() => net.Cost(X, Y)).WithRespectTo(net.Parameters));
    }

    private static void Scale(double[,] matrix, double factor)
    {
        for (int i = 0; i < matrix.GetLength(0); i++)
        {
            for (int j = 0; j < matrix.GetLength(1); j++)
            {
                matrix[i, j] *= factor;
            }
        }
    }
}
