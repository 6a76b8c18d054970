using GradCheck.Differentiation;
using GradCheck.Examples.Models;
using GradCheck.Reporting;

namespace GradCheck.Benchmarks;

/// <summary>
/// The network the performance claims are about: the seeds' cat classifier [12288, 5, 5, 1], tanh
/// hidden layers and a sigmoid output, on one 64 × 64 × 3 image, so 61,481 parameters and about
/// 123,000 cost evaluations for a two-point check. Every benchmark builds it the same way.
/// </summary>
/// <remarks>
/// A dry run (<c>--job dry</c>, the CI smoke test) only has to prove that every benchmark runs and
/// validates; on the full network that alone takes minutes. It uses the same network on the first
/// <see cref="SmokeInputs"/> inputs of the same image instead, which the benchmarks' <c>Inputs</c>
/// column shows, so a dry run's figures cannot be taken for the real ones.
/// </remarks>
public sealed class NetworkUnderTest
{
    /// <summary>The seed of the parameters and of the image's noise.</summary>
    public const int Seed = 2;

    /// <summary>The inputs of a dry run's network: the top row of the image (64 pixels, 3 channels), 1,001 parameters.</summary>
    public const int SmokeInputs = 192;

    /// <summary>Creates the network on the first <paramref name="inputs"/> inputs of the image, with its analytic gradients.</summary>
    /// <param name="inputs">The input layer's size: <see cref="SeedData.ImageLength"/> for the real measurement.</param>
    public NetworkUnderTest(int inputs)
    {
        Network = new DenseNetwork<double>(LayerSizes(inputs), Activation.Tanh, seed: Seed);
        (double[,] image, Y) = SeedData.SyntheticCatImage<double>(seed: Seed);
        X = inputs == image.GetLength(0) ? image : FirstRows(image, inputs);
        Cost = () => Network.Cost(X, Y);
        Gradients = Network.Backward(X, Y);
        EntryCount = Network.Parameters.Values.Sum(parameter => parameter.Length);
    }

    /// <summary>
    /// Whether this run is a smoke test, set by the program before any benchmark is built; the
    /// input sizes are read in the host process, and each benchmark process gets its size as a parameter.
    /// </summary>
    public static bool IsSmokeTest { get; set; }

    /// <summary>The input sizes the benchmarks run on: the full image, or <see cref="SmokeInputs"/> in a smoke test.</summary>
    public static IEnumerable<int> InputSizes => IsSmokeTest ? [SmokeInputs] : [SeedData.ImageLength];

    /// <summary>The network, whose <see cref="DenseNetwork{T}.Parameters"/> the check perturbs in place.</summary>
    public DenseNetwork<double> Network { get; }

    /// <summary>The one example, shape (inputs, 1).</summary>
    public double[,] X { get; }

    /// <summary>Its label, 1.</summary>
    public double[,] Y { get; }

    /// <summary>The cost as a check is given it: the network's cross-entropy on the example.</summary>
    public Func<double> Cost { get; }

    /// <summary>The hand-written backpropagation's gradients, dW1, db1, ... at the network's parameters.</summary>
    public Dictionary<string, double[,]> Gradients { get; }

    /// <summary>The number of parameter entries, each differentiated by a full check.</summary>
    public int EntryCount { get; }

    /// <summary>The number of entries of the network with <paramref name="inputs"/> inputs, counted on the network itself.</summary>
    public static int EntryCountOf(int inputs) =>
        new DenseNetwork<double>(LayerSizes(inputs), Activation.Tanh, seed: Seed).Parameters.Values.Sum(parameter => parameter.Length);

    /// <summary>A full check of <see cref="Gradients"/> with <paramref name="method"/>, as users run it.</summary>
    public GradientCheckReport Check(DifferenceMethod method) =>
        GradientChecker.Check(Cost, Network.Parameters, Gradients, new GradientCheckOptions { Method = method });

    /// <summary>
    /// A full check that must pass: the gradients are correct, so a failure means the benchmark no
    /// longer measures what it says, and the run must stop rather than time it.
    /// </summary>
    public GradientCheckReport CheckThatPasses(DifferenceMethod method)
    {
        GradientCheckReport report = Check(method);
        return report.Passed
            ? report
            : throw new InvalidOperationException($"The {method} check of the correct gradients failed:{Environment.NewLine}{report}");
    }

    /// <summary>Calls the cost <paramref name="count"/> times, as a check would, and nothing else.</summary>
    /// <returns>The sum of the costs, so that no call can be optimised away.</returns>
    public double EvaluateCost(long count)
    {
        double sum = 0;
        for (long call = 0; call < count; call++)
        {
            sum += Cost();
        }

        return sum;
    }

    private static int[] LayerSizes(int inputs) => [inputs, 5, 5, 1];

    private static double[,] FirstRows(double[,] matrix, int rows)
    {
        var first = new double[rows, matrix.GetLength(1)];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < matrix.GetLength(1); j++)
            {
                first[i, j] = matrix[i, j];
            }
        }

        return first;
    }
}
