using GradCheck.Examples.Models;

namespace GradCheck.Benchmarks;

/// <summary>
/// The seeds' gradient check, the classic tutorials' algorithm, transcribed step by step so that the
/// engine is timed against what its users run today, on the same network and for the same number of
/// cost evaluations.
/// </summary>
/// <remarks>
/// <para>
/// The steps, each kept as a step: flatten every parameter into one vector theta and every gradient into
/// grad (<c>dictionary_to_vector</c>); for each coordinate i, copy the whole of theta, move entry i by
/// +eps, rebuild the parameter tensors from the copy (<c>vector_to_dictionary</c>), run the forward
/// propagation on them for J+; the same with -eps for J-; gradapprox[i] = (J+ - J-) / 2 eps; then
/// difference = ||grad - gradapprox|| / (||grad|| + ||gradapprox||). The copy per evaluation is what
/// makes the seeds' check O(P²) in memory traffic; it is what this transcription exists to measure,
/// so it is not optimised away.
/// </para>
/// <para>
/// The forward propagation takes the rebuilt tensors as its parameters: here the network's
/// <see cref="DenseNetwork{T}.Parameters"/> entries are pointed at them before its cost is called,
/// which is what passing a fresh dictionary to the seeds' forward function does. A NumPy reshape of the
/// copy gives views, where a .NET <c>double[,]</c> cannot alias a vector, so each rebuilt tensor is a
/// new array filled from the copy: one copy of theta more per evaluation than NumPy makes.
/// </para>
/// </remarks>
public static class SeedsGradientCheck
{
    /// <summary>The seeds' step, 1e-7 in four of the five write-ups.</summary>
    public const double Epsilon = 1e-7;

    /// <summary>The seeds' verdict: a difference at most this means the gradient is correct.</summary>
    public const double Threshold = 1e-7;

    /// <summary>
    /// The seeds' difference between <paramref name="gradients"/> and the centred differences of the
    /// network's cost on (<paramref name="x"/>, <paramref name="y"/>). The network's parameters are
    /// the same arrays afterwards as before, unchanged.
    /// </summary>
    /// <param name="network">The network; its parameter dictionary is pointed at each rebuilt set of tensors in turn.</param>
    /// <param name="x">The inputs.</param>
    /// <param name="y">The labels.</param>
    /// <param name="gradients">The analytic gradients, keyed <c>dW1</c>, <c>db1</c>, ... .</param>
    /// <param name="epsilon">The step.</param>
    /// <returns>||grad - gradapprox|| / (||grad|| + ||gradapprox||).</returns>
    public static double Difference(DenseNetwork<double> network, double[,] x, double[,] y, IReadOnlyDictionary<string, double[,]> gradients, double epsilon = Epsilon)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(gradients);
        Dictionary<string, double[,]> given = new(network.Parameters);
        string[] names = [.. given.Keys];
        (int Rows, int Columns)[] shapes = [.. names.Select(name => (given[name].GetLength(0), given[name].GetLength(1)))];

        double[] parametersValues = DictionaryToVector(given, names);
        double[] grad = DictionaryToVector(gradients, [.. names.Select(name => "d" + name)]);
        int numParameters = parametersValues.Length;
        double[] jPlus = new double[numParameters];
        double[] jMinus = new double[numParameters];
        double[] gradapprox = new double[numParameters];

        try
        {
            for (int i = 0; i < numParameters; i++)
            {
                double[] thetaPlus = (double[])parametersValues.Clone();
                thetaPlus[i] += epsilon;
                jPlus[i] = ForwardPropagation(network, x, y, VectorToDictionary(thetaPlus, names, shapes));

                double[] thetaMinus = (double[])parametersValues.Clone();
                thetaMinus[i] -= epsilon;
                jMinus[i] = ForwardPropagation(network, x, y, VectorToDictionary(thetaMinus, names, shapes));

                gradapprox[i] = (jPlus[i] - jMinus[i]) / (2 * epsilon);
            }
        }
        finally
        {
            // The benchmark goes on with the same network: give it back its own arrays.
            foreach ((string name, double[,] parameter) in given)
            {
                network.Parameters[name] = parameter;
            }
        }

        double[] error = new double[numParameters];
        for (int i = 0; i < numParameters; i++)
        {
            error[i] = grad[i] - gradapprox[i];
        }

        double numerator = Norm(error);
        double denominator = Norm(grad) + Norm(gradapprox);
        return numerator / denominator;
    }

    /// <summary>Every tensor's entries, row-major, one tensor after the other in the order of <paramref name="names"/>.</summary>
    private static double[] DictionaryToVector(IReadOnlyDictionary<string, double[,]> tensors, string[] names)
    {
        double[] vector = new double[names.Sum(name => tensors[name].Length)];
        int offset = 0;
        foreach (string name in names)
        {
            double[,] tensor = tensors[name];
            Buffer.BlockCopy(tensor, 0, vector, offset * sizeof(double), tensor.Length * sizeof(double));
            offset += tensor.Length;
        }

        return vector;
    }

    /// <summary>New tensors of the given shapes, filled from consecutive stretches of <paramref name="theta"/>.</summary>
    private static Dictionary<string, double[,]> VectorToDictionary(double[] theta, string[] names, (int Rows, int Columns)[] shapes)
    {
        var tensors = new Dictionary<string, double[,]>(names.Length);
        int offset = 0;
        for (int t = 0; t < names.Length; t++)
        {
            var tensor = new double[shapes[t].Rows, shapes[t].Columns];
            Buffer.BlockCopy(theta, offset * sizeof(double), tensor, 0, tensor.Length * sizeof(double));
            offset += tensor.Length;
            tensors.Add(names[t], tensor);
        }

        return tensors;
    }

    /// <summary>The cost of the network with <paramref name="parameters"/> as its parameters.</summary>
    private static double ForwardPropagation(DenseNetwork<double> network, double[,] x, double[,] y, Dictionary<string, double[,]> parameters)
    {
        foreach ((string name, double[,] tensor) in parameters)
        {
            network.Parameters[name] = tensor;
        }

        return network.Cost(x, y);
    }

    /// <summary>The Euclidean norm.</summary>
    private static double Norm(double[] vector)
    {
        double sumOfSquares = 0;
        foreach (double value in vector)
        {
            sumOfSquares += value * value;
        }

        return Math.Sqrt(sumOfSquares);
    }
}
