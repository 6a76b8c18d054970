using System.Numerics.Tensors;
using GradCheck.Differentiation;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Reporting.Html;

/// <summary>Real reports from <see cref="GradientChecker"/>, each of a gradient wrong on purpose in one known way, for the pictures to show.</summary>
internal static class PlantedBugs
{
    /// <summary>The two-layer tanh network with a correct backward pass: W1 (3, 3), b1 (3), W2 (3, 3), b2 (3).</summary>
    public static GradientCheckReport Correct()
    {
        var network = new TanhNetwork<double>(1);
        return GradientChecker.Check(network.Cost, network.Parameters, network.Gradient());
    }

    /// <summary>The tanh network with dW2 twice what it should be: W2's 9 entries fail, the others pass.</summary>
    public static GradientCheckReport DoubledW2()
    {
        var network = new TanhNetwork<double>(1);
        Dictionary<string, Array> gradient = network.Gradient();
        Arrays.Transform<double>(gradient["dW2"], g => 2 * g);
        return GradientChecker.Check(network.Cost, network.Parameters, gradient);
    }

    /// <summary>A quadratic of 100 variables whose gradient is doubled: 100 points on the line a = 2n, a vector wrapped in rows.</summary>
    public static GradientCheckReport DoubledQuadratic()
    {
        var quadratic = new Quadratic<double>(3, size: 100);
        double[] theta = Functions.Uniform<double>(new Random(103), 100, 1.0);
        double[] doubled = [.. quadratic.Gradient(theta).Select(g => 2 * g)];
        return GradientChecker.Check(quadratic.Cost, theta, doubled);
    }

    /// <summary>J = ½ ||W2||² + ½ ||b2||² with dW2[1,3] off by +1 (1.75 → 2.75): one failing entry of 10.</summary>
    public static GradientCheckReport OneEntryWrong(string weightName = "W2")
    {
        var model = new SquaredNorm();
        Dictionary<string, Array> gradient = model.Gradient();
        ((double[,])gradient["dW2"])[1, 3] += 1;
        var parameters = new Dictionary<string, Array>(StringComparer.Ordinal) { [weightName] = model.W2, ["b2"] = model.B2 };
        var gradients = new Dictionary<string, Array>(StringComparer.Ordinal) { [weightName] = gradient["dW2"], ["b2"] = gradient["db2"] };
        return GradientChecker.Check(model.Cost, parameters, gradients);
    }

    /// <summary>
    /// A convolution kernel P (3, 2, 3, 3) of <see cref="CoupledTensorCost{T}"/> whose gradient is rotated
    /// 180° over its last two axes, and the vector Q (5), right: a rank-4 tensor for the slice grid.
    /// </summary>
    public static GradientCheckReport KernelRotated()
    {
        var cost = new CoupledTensorCost<double>([3, 2, 3, 3], seed: 7);
        return GradientChecker.Check(cost.Cost, cost.Parameters, cost.Gradient((gradient, _) =>
            [.. gradient.Select((_, flat) => gradient[flat - (flat % 9) + (8 - (flat % 9))])]));
    }

    /// <summary>The tanh network with dW1[1,2] = NaN: a backward pass that divided 0 by 0.</summary>
    public static GradientCheckReport NaNInGradient()
    {
        var network = new TanhNetwork<double>(1);
        Dictionary<string, Array> gradient = network.Gradient();
        ((double[,])gradient["dW1"])[1, 2] = double.NaN;
        return GradientChecker.Check(network.Cost, network.Parameters, gradient);
    }

    /// <summary>A cost that is NaN at the given parameters: the report has a problem and no tensors.</summary>
    public static GradientCheckReport NaNCost()
    {
        var model = new SquaredNorm();
        return GradientChecker.Check(() => double.NaN, model.Parameters, model.Gradient());
    }

    /// <summary>J = Σ w² over a (2, 3, 4) tensor with entry [1,2,3] doubled: rank 3, drawn as (2, 12).</summary>
    public static GradientCheckReport RankThree()
    {
        var w = new double[2, 3, 4];
        int k = 0;
        Arrays.Transform<double>(w, _ => 0.1 * ++k);
        var gradient = new double[2, 3, 4];
        k = 0;
        Arrays.Transform<double>(gradient, _ => 0.2 * ++k);
        gradient[1, 2, 3] *= 2;
        double Cost()
        {
            double total = 0;
            foreach (double value in w)
            {
                total += value * value;
            }

            return total;
        }

        return GradientChecker.Check(
            Cost,
            new Dictionary<string, Array>(StringComparer.Ordinal) { ["T"] = w },
            new Dictionary<string, Array>(StringComparer.Ordinal) { ["T"] = gradient });
    }

    /// <summary>
    /// J = ½||θ||² + c·θ over <paramref name="length"/> entries, gradient θ + c with its first
    /// <paramref name="wrong"/> entries 1.5x too large. The default, 10,000 entries of which 7,000 are
    /// wrong, is too long to draw entry by entry and has more failing entries than a scatter plot draws.
    /// Two-point differences: exact for a quadratic up to round-off, a third of Richardson's evaluations.
    /// </summary>
    public static GradientCheckReport LongVector(int length = 10_000, int wrong = 7000)
    {
        var random = new Random(length);
        double[] theta = Functions.Uniform<double>(random, length, 1.0);
        double[] c = Functions.Uniform<double>(random, length, 0.5);
        double[] gradient = new double[length];
        TensorPrimitives.Add(theta, c, gradient);
        TensorPrimitives.Multiply(gradient.AsSpan(0, wrong), 1.5, gradient.AsSpan(0, wrong));
        return GradientChecker.Check(
            t => (0.5 * TensorPrimitives.SumOfSquares<double>(t)) + TensorPrimitives.Dot<double>(t, c),
            theta,
            gradient,
            new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint });
    }
}
