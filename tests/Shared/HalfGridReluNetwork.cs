using System.Numerics;

namespace GradCheck.Testing;

/// <summary>
/// A [3, 4, 1] ReLU regression network under the half mean squared error over 5 examples, on the half
/// grid: inputs in {-1, 0, 1}, hidden weights and biases multiples of 1/2 (or all 0, the common first
/// test of a new network), so that many hidden pre-activations are exactly 0 and, along a weight whose
/// input is +1 for one such example and -1 for another, two units switch at once from opposite sides:
/// kinks that meet, where the backward pass's ReLU'(0) = 0 may lie outside both one-sided derivatives.
/// The same seed gives the same network in float and double.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
internal sealed class HalfGridReluNetwork<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Inputs = 3;
    private const int Hidden = 4;
    private const int Examples = 5;

    private readonly T[,] x = new T[Inputs, Examples];
    private readonly T[] y = new T[Examples];

    /// <summary>Draws the network for <paramref name="seed"/>.</summary>
    /// <param name="seed">The seed of every draw.</param>
    /// <param name="zeroInitialised">Whether W1 and b1 are all 0 rather than drawn from the half grid.</param>
    public HalfGridReluNetwork(int seed, bool zeroInitialised = false)
    {
        var random = new Random(seed);
        for (int j = 0; j < Inputs; j++)
        {
            for (int k = 0; k < Examples; k++)
            {
                x[j, k] = T.CreateTruncating(random.Next(-1, 2));
            }
        }

        var w1 = new T[Hidden, Inputs];
        var b1 = new T[Hidden, 1];
        var w2 = new T[1, Hidden];
        for (int i = 0; i < Hidden; i++)
        {
            for (int j = 0; j < Inputs && !zeroInitialised; j++)
            {
                w1[i, j] = T.CreateTruncating(random.Next(-2, 3) / 2.0);
            }

            b1[i, 0] = zeroInitialised ? T.Zero : T.CreateTruncating(random.Next(-1, 2) / 2.0);
            w2[0, i] = T.CreateTruncating((random.Next(2) == 0 ? -1 : 1) * random.Next(1, 3) / 2.0);
        }

        Parameters = new Dictionary<string, T[,]>(StringComparer.Ordinal)
        {
            ["W1"] = w1,
            ["b1"] = b1,
            ["W2"] = w2,
            ["b2"] = new[,] { { T.CreateTruncating(random.NextDouble() - 0.5) } },
        };

        // Every residual at least 1/2, so that every example's kinks are felt in the cost.
        T[] output = Output();
        for (int k = 0; k < Examples; k++)
        {
            y[k] = output[k] + T.CreateTruncating((random.Next(2) == 0 ? -1 : 1) * (0.5 + random.NextDouble()));
        }
    }

    /// <summary>W1 (4, 3), b1 (4, 1), W2 (1, 4), b2 (1, 1), read in place by <see cref="Cost"/> and <see cref="Gradient"/>.</summary>
    public Dictionary<string, T[,]> Parameters { get; }

    /// <summary>J = Σ_k (output_k - y_k)² / 2m at the current parameters.</summary>
    public T Cost()
    {
        T[] output = Output();
        T sum = T.Zero;
        for (int k = 0; k < Examples; k++)
        {
            T residual = output[k] - y[k];
            sum += residual * residual;
        }

        return sum / T.CreateTruncating(2 * Examples);
    }

    /// <summary>The backward pass at the current parameters, with ReLU'(0) = 0, keyed d + name.</summary>
    public Dictionary<string, T[,]> Gradient()
    {
        T[,] w2 = Parameters["W2"];
        var dw1 = new T[Hidden, Inputs];
        var db1 = new T[Hidden, 1];
        var dw2 = new T[1, Hidden];
        T db2 = T.Zero;
        T[] output = Output();
        for (int k = 0; k < Examples; k++)
        {
            T error = (output[k] - y[k]) / T.CreateTruncating(Examples);
            db2 += error;
            for (int i = 0; i < Hidden; i++)
            {
                T z = PreActivation(i, k);
                dw2[0, i] += error * T.Max(z, T.Zero);
                if (z > T.Zero)
                {
                    T dz = error * w2[0, i];
                    db1[i, 0] += dz;
                    for (int j = 0; j < Inputs; j++)
                    {
                        dw1[i, j] += dz * x[j, k];
                    }
                }
            }
        }

        return new Dictionary<string, T[,]>(StringComparer.Ordinal) { ["dW1"] = dw1, ["db1"] = db1, ["dW2"] = dw2, ["db2"] = new[,] { { db2 } } };
    }

    /// <summary>
    /// The backward pass with one entry wrong wherever it runs: <paramref name="share"/> of the gradient's
    /// largest |entry| there added to it (subtracted when <paramref name="sign"/> is negative), a bug that
    /// lives on that entry alone.
    /// </summary>
    /// <param name="gradient">The gradient's name, such as <c>dW1</c>.</param>
    /// <param name="row">The entry's row.</param>
    /// <param name="column">The entry's column.</param>
    /// <param name="share">How wrong, as a share of the largest |entry| of the gradient at the point.</param>
    /// <param name="sign">Which way: +1 or -1.</param>
    public Dictionary<string, T[,]> GradientWrongAt(string gradient, int row, int column, double share, int sign)
    {
        Dictionary<string, T[,]> result = Gradient();
        T largest = T.Zero;
        foreach (T[,] tensor in result.Values)
        {
            foreach (T value in tensor)
            {
                largest = T.Max(largest, T.Abs(value));
            }
        }

        result[gradient][row, column] += T.CreateTruncating(sign * share) * largest;
        return result;
    }

    private T PreActivation(int unit, int example)
    {
        T[,] w1 = Parameters["W1"];
        T z = Parameters["b1"][unit, 0];
        for (int j = 0; j < Inputs; j++)
        {
            z += w1[unit, j] * x[j, example];
        }

        return z;
    }

    private T[] Output()
    {
        T[,] w2 = Parameters["W2"];
        var output = new T[Examples];
        for (int k = 0; k < Examples; k++)
        {
            output[k] = Parameters["b2"][0, 0];
            for (int i = 0; i < Hidden; i++)
            {
                output[k] += w2[0, i] * T.Max(PreActivation(i, k), T.Zero);
            }
        }

        return output;
    }
}
