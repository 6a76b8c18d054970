using System.Numerics;
using GradCheck.Examples.Models;
using GradCheck.Reporting;

namespace GradCheck.Benchmarks;

/// <summary>
/// The network the performance claims are about: the seeds' cat classifier [12288, 5, 5, 1], tanh
/// hidden layers and a sigmoid output, on one 64 × 64 × 3 image, so 61,481 parameters and about
/// 123,000 cost evaluations for a two-point check. Every benchmark builds it the same way; in float,
/// the parameters and the image are the double ones rounded to float.
/// </summary>
/// <remarks>What all element types share, and the smoke test's size, are in <see cref="NetworkUnderTest"/>.</remarks>
/// <typeparam name="T">The element type of the parameters, the data and the cost: double or float.</typeparam>
public sealed class NetworkUnderTest<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Creates the network on the first <paramref name="inputs"/> inputs of the image, with its analytic gradients.</summary>
    /// <param name="inputs">The input layer's size: <see cref="SeedData.ImageLength"/> for the real measurement.</param>
    public NetworkUnderTest(int inputs)
    {
        Network = new DenseNetwork<T>(NetworkUnderTest.LayerSizes(inputs), Activation.Tanh, seed: NetworkUnderTest.Seed);
        (T[,] image, Y) = SeedData.SyntheticCatImage<T>(seed: NetworkUnderTest.Seed);
        X = inputs == image.GetLength(0) ? image : FirstRows(image, inputs);
        Cost = () => Network.Cost(X, Y);
        Gradients = Network.Backward(X, Y);
        EntryCount = Network.Parameters.Values.Sum(parameter => parameter.Length);
    }

    /// <summary>The network, whose <see cref="DenseNetwork{T}.Parameters"/> the check perturbs in place.</summary>
    public DenseNetwork<T> Network { get; }

    /// <summary>The one example, shape (inputs, 1).</summary>
    public T[,] X { get; }

    /// <summary>Its label, 1.</summary>
    public T[,] Y { get; }

    /// <summary>The cost as a check is given it: the network's cross-entropy on the example.</summary>
    public Func<T> Cost { get; }

    /// <summary>The hand-written backpropagation's gradients, dW1, db1, ... at the network's parameters.</summary>
    public Dictionary<string, T[,]> Gradients { get; }

    /// <summary>The number of parameter entries, each differentiated by a full check.</summary>
    public int EntryCount { get; }

    /// <summary>A full check of <see cref="Gradients"/> with <paramref name="method"/>, as users run it.</summary>
    public GradientCheckReport Check(DifferenceMethod method) => Check(Gradients, method);

    /// <summary>A full check of <paramref name="gradients"/> (the correct ones or planted bugs) with <paramref name="method"/>.</summary>
    public GradientCheckReport Check(IReadOnlyDictionary<string, T[,]> gradients, DifferenceMethod method) =>
        GradientChecker.Check(Cost, Network.Parameters, gradients, new GradientCheckOptions { Method = method });

    /// <summary>
    /// A full check that must pass: the gradients are correct, so a failure means the benchmark no
    /// longer measures what it says, and the run must stop rather than time it.
    /// </summary>
    public GradientCheckReport CheckThatPasses(DifferenceMethod method)
    {
        GradientCheckReport report = Check(method);
        return report.Passed
            ? report
            : throw new InvalidOperationException($"The {method} check of the correct {typeof(T).Name} gradients failed:{Environment.NewLine}{report}");
    }

    /// <summary>
    /// A copy of <see cref="Gradients"/> with planted bugs: each named gradient multiplied, entry by
    /// entry, by its factor. The correct gradients are left as they are.
    /// </summary>
    /// <param name="bugs">The gradients to multiply, such as <c>("dW2", 2.0)</c>, and their factors.</param>
    public Dictionary<string, T[,]> GradientsWith(params ReadOnlySpan<(string Gradient, double Factor)> bugs)
    {
        Dictionary<string, T[,]> planted = Gradients.ToDictionary(pair => pair.Key, pair => (T[,])pair.Value.Clone());
        foreach ((string gradient, double factor) in bugs)
        {
            T[,] matrix = planted[gradient];
            T scale = T.CreateChecked(factor);
            for (int i = 0; i < matrix.GetLength(0); i++)
            {
                for (int j = 0; j < matrix.GetLength(1); j++)
                {
                    matrix[i, j] *= scale;
                }
            }
        }

        return planted;
    }

    /// <summary>Calls the cost <paramref name="count"/> times, as a check would, and nothing else.</summary>
    /// <returns>The sum of the costs, so that no call can be optimised away.</returns>
    public T EvaluateCost(long count)
    {
        T sum = T.Zero;
        for (long call = 0; call < count; call++)
        {
            sum += Cost();
        }

        return sum;
    }

    private static T[,] FirstRows(T[,] matrix, int rows)
    {
        var first = new T[rows, matrix.GetLength(1)];
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
