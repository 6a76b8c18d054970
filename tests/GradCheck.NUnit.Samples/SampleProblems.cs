using GradCheck.Examples.Models;
using GradCheck.Problems;

namespace GradCheck.NUnit.Samples;

/// <summary>Problems for the sample fixtures: the seeds' small network, right and with planted bugs.</summary>
public static class SampleProblems
{
    /// <summary>The [4, 5, 3, 1] ReLU network of the seeds, with its correct backward pass.</summary>
    public static GradientProblem<double> Dense(int seed) => Network("Dense", seed, backward => backward);

    /// <summary>The same network whose backward pass doubles dW2 and multiplies db1 by 4.</summary>
    public static GradientProblem<double> PlantedBug(int seed) => Network("PlantedBug", seed, backward =>
    {
        Scale(backward["dW2"], 2.0);
        Scale(backward["db1"], 4.0);
        return backward;
    });

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

    private static GradientProblem<double> Network(string name, int seed, Func<Dictionary<string, double[,]>, Dictionary<string, double[,]>> backwardEdit)
    {
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed);
        return GradientProblem.Create(name, net.Parameters, () => net.Cost(x, y), () => backwardEdit(net.Backward(x, y)));
    }
}
