using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GradCheck.Differentiation;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Reporting.Html;

/// <summary>
/// A report the size of the 61,481-parameter network [12288, 5, 5, 1]: W1 (12288, 5), b1 (5), W2 (5, 5),
/// b2 (5), W3 (1, 5), b3 (1), checked in full. The cost is J = Σ ½||w||² + c·w per tensor, gradient
/// w + c, which costs two vectorised passes per evaluation: the network itself would take a minute of
/// cost evaluations, and the pictures depend only on the report's size and its failures. Planted:
/// rows 1000 to 1099 of dW1 are 1.5x too large, dW1[5000,3] is NaN, and dW3 is doubled.
/// </summary>
internal static class LargeNetworkReport
{
    public const int Inputs = 12288;
    public const int Hidden = 5;

    private static readonly Lazy<GradientCheckReport> Shared = new(Create);

    /// <summary>The report, computed once per test run (about two seconds of cost evaluations).</summary>
    public static GradientCheckReport Report => Shared.Value;

    private static GradientCheckReport Create()
    {
        var random = new Random(61481);
        var parameters = new Dictionary<string, Array>(StringComparer.Ordinal)
        {
            ["W1"] = Functions.UniformMatrix<double>(random, Inputs, Hidden, 0.1),
            ["b1"] = Functions.Uniform<double>(random, Hidden, 0.1),
            ["W2"] = Functions.UniformMatrix<double>(random, Hidden, Hidden, 0.5),
            ["b2"] = Functions.Uniform<double>(random, Hidden, 0.1),
            ["W3"] = Functions.UniformMatrix<double>(random, 1, Hidden, 0.5),
            ["b3"] = Functions.Uniform<double>(random, 1, 0.1),
        };
        Dictionary<string, double[]> linear = parameters.ToDictionary(
            pair => pair.Key, pair => Functions.Uniform<double>(random, pair.Value.Length, 0.2), StringComparer.Ordinal);

        double Cost()
        {
            double total = 0;
            foreach ((string name, Array values) in parameters)
            {
                ReadOnlySpan<double> w = Entries(values);
                total += (0.5 * TensorPrimitives.SumOfSquares(w)) + TensorPrimitives.Dot(w, linear[name]);
            }

            return total;
        }

        var gradients = new Dictionary<string, Array>(StringComparer.Ordinal);
        foreach ((string name, Array values) in parameters)
        {
            var gradient = (Array)values.Clone();
            TensorPrimitives.Add(Entries(values), linear[name], Entries(gradient));
            gradients[name] = gradient;
        }

        var dW1 = (double[,])gradients["W1"];
        for (int row = 1000; row < 1100; row++)
        {
            for (int column = 0; column < Hidden; column++)
            {
                dW1[row, column] *= 1.5;
            }
        }

        dW1[5000, 3] = double.NaN;
        Arrays.Transform<double>(gradients["W3"], g => 2 * g);

        // The two-point rule: a quadratic's central difference is exact up to round-off, and it needs a
        // third of Richardson's evaluations.
        var options = new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint };
        return GradientChecker.Check(Cost, parameters, gradients, options);
    }

    /// <summary>The entries of a double container of any rank, in row-major order, without copying.</summary>
    private static Span<double> Entries(Array array) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);
}
