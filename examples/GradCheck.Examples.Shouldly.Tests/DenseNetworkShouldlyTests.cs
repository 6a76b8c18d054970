using GradCheck.Examples.Models;
using GradCheck.Shouldly;

namespace GradCheck.Examples.Shouldly.Tests;

/// <summary>The same checks, written with Shouldly: the failure message opens with the expression under test.</summary>
public class DenseNetworkShouldlyTests
{
    [Test]
    public void Backprop_is_the_gradient_of_the_cost()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Tanh, seed: 1);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();

        Dictionary<string, double[,]> grads = net.Backward(x, y);

        grads.ShouldBeGradientOf(() => net.Cost(x, y), net.Parameters);
    }

    [Test]
    public void A_pure_cost_of_a_flat_vector_reads_the_same()
    {
        double[] theta = [0.5, -1.25, 2.0];
        double[] grad = [.. theta.Select(t => 2 * t)];

        grad.ShouldBeGradientOf((double[] t) => t.Sum(v => v * v), theta);
    }

    [Test]
    public void A_planted_bug_is_caught()
    {
        var net = new DenseNetwork<float>([4, 5, 3, 1], Activation.Tanh, seed: 1);
        (float[,] x, float[,] y) = SeedData.ThreeLayerSmall<float>();

        Dictionary<string, float[,]> wrong = net.Backward(x, y);
        wrong["dW3"][0, 0] *= 2;

        wrong.ShouldNotBeGradientOf(() => net.Cost(x, y), net.Parameters);
    }
}
