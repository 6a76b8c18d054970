using GradCheck.Examples.Models;
using GradCheck.Running;
using GradCheck.Testing;

namespace GradCheck.Tests.Coverage;

/// <summary>
/// The seeds' large case: a tanh network [12288, 5, 5, 1] on one 64x64x3 image, 61,481 parameters
/// (W1 has 61,440 of them), with its backpropagated gradients.
/// </summary>
internal sealed class SeedNetwork
{
    public SeedNetwork()
    {
        Net = new DenseNetwork<double>([12288, 5, 5, 1], Activation.Tanh, seed: 2);
        (X, Y) = SeedData.SyntheticCatImage<double>(seed: 2);
    }

    public DenseNetwork<double> Net { get; }

    public double[,] X { get; }

    public double[,] Y { get; }

    public double Cost() => Net.Cost(X, Y);

    public Dictionary<string, double[,]> Gradients() => Net.Backward(X, Y);

    /// <summary>The seeds' planted bugs: dW2 doubled and db1 times 4.</summary>
    public Dictionary<string, double[,]> GradientsWithSeedBugs()
    {
        Dictionary<string, double[,]> gradients = Gradients();
        gradients["dW2"] = Mutations.Scaled(gradients["dW2"], 2.0);
        gradients["db1"] = Mutations.Scaled(gradients["db1"], 4.0);
        return gradients;
    }

    /// <summary>A copy of the network for another worker of a parallel check.</summary>
    public WorkerModel<double> WorkerCopy()
    {
        var copy = new DenseNetwork<double>([12288, 5, 5, 1], Activation.Tanh, seed: 99);
        return WorkerModel.Of(() => copy.Cost(X, Y), copy.Parameters);
    }
}
