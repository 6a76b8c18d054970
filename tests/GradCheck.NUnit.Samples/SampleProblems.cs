using GradCheck.Examples.Models;
using GradCheck.Testing;

namespace GradCheck.NUnit.Samples;

/// <summary>Problems for the sample fixtures: the seeds' small network, right and with planted bugs, and a ReLU network whose kinks meet.</summary>
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

    /// <summary>
    /// The same network whose backward pass returns dW1 transposed, (4, 5) for W1 (5, 4), and db2 one
    /// row short: two shape mistakes, each of which must fail its own tensor's case and no other.
    /// </summary>
    public static GradientProblem<double> ShapeMistakes(int seed) => Network("ShapeMistakes", seed, backward =>
    {
        double[,] dW1 = backward["dW1"];
        var transposed = new double[dW1.GetLength(1), dW1.GetLength(0)];
        for (int i = 0; i < dW1.GetLength(0); i++)
        {
            for (int j = 0; j < dW1.GetLength(1); j++)
            {
                transposed[j, i] = dW1[i, j];
            }
        }

        backward["dW1"] = transposed;
        backward["db2"] = new double[backward["db2"].GetLength(0) - 1, 1];
        return backward;
    });

    /// <summary>
    /// A [3, 4, 1] ReLU network on integer inputs whose first layer is zero-initialised: along every
    /// W1 entry two units switch at once from opposite sides, so W1 can be checked only at a point
    /// nudged off the ties.
    /// </summary>
    public static GradientProblem<double> ZeroInitialisedRelu(int seed) => ZeroInitialised("ZeroInitialisedRelu", seed, bug: false);

    /// <summary>The same network checked without the re-check at a nudged point: nothing in W1 can be checked.</summary>
    public static GradientProblem<double> ZeroInitialisedReluNotRechecked(int seed) =>
        ZeroInitialised("ZeroInitialisedReluNotRechecked", seed, bug: false, new GradientCheckOptions { RecheckAtNudgedPoint = false });

    /// <summary>
    /// The same network whose backward pass has dW1[0,0] 20% of the gradient's scale too high wherever it
    /// runs; at seed 8 both one-sided derivatives there are below 0, so the wrong value is as
    /// uncheckable at the given point as the right one, and only the nudged point shows it.
    /// </summary>
    public static GradientProblem<double> ZeroInitialisedReluWithBug(int seed) => ZeroInitialised("ZeroInitialisedReluWithBug", seed, bug: true);

    private static GradientProblem<double> ZeroInitialised(string name, int seed, bool bug, GradientCheckOptions? options = null)
    {
        var net = new HalfGridReluNetwork<double>(seed, zeroInitialised: true);
        return GradientProblem.Create(name, net.Parameters, net.Cost, () => bug ? net.GradientWrongAt("dW1", 0, 0, 0.2, sign: 1) : net.Gradient(), options);
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

    private static GradientProblem<double> Network(string name, int seed, Func<Dictionary<string, double[,]>, Dictionary<string, double[,]>> backwardEdit)
    {
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed);
        return GradientProblem.Create(name, net.Parameters, () => net.Cost(x, y), () => backwardEdit(net.Backward(x, y)));
    }
}
