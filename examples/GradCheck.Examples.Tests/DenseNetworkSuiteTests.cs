using GradCheck.Examples.Models;
using GradCheck.NUnit;

namespace GradCheck.Examples.Tests;

/// <summary>
/// A whole suite in one attribute: every tensor of every network, each its own test case in the
/// test explorer (<c>Backprop(Dense(tanh, seed: 1) &gt; W1)</c>), with an empty test body.
/// </summary>
public class DenseNetworkSuiteTests
{
    [GradientCheck(nameof(Networks))]
    public void Backprop(GradientCheckCase<double> check)
    {
    }

    [GradientCheck(nameof(ReluNetwork), Seeds = [1, 2, 3])]
    public void Backprop_over_seeds(GradientCheckCase<double> check)
    {
    }

    /// <summary>An existing network plugs in with one line: its parameters, its cost, its backward pass.</summary>
    private static IEnumerable<GradientProblem<double>> Networks()
    {
        (double[,] x, double[,] y) = SeedData.ThreeLayerSeeded<double>();
        foreach (Activation activation in new[] { Activation.Tanh, Activation.Sigmoid })
        {
            var net = new DenseNetwork<double>([5, 6, 3, 1], activation, seed: 1);
            yield return GradientProblem.Create($"Dense({activation.ToString().ToLowerInvariant()}, seed: 1)", net.Parameters, () => net.Cost(x, y), () => net.Backward(x, y));
        }
    }

    private static GradientProblem<double> ReluNetwork(int seed)
    {
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed);
        return GradientProblem.Create("Relu", net.Parameters, () => net.Cost(x, y), () => net.Backward(x, y));
    }
}
