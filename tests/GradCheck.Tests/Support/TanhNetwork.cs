using System.Numerics;

namespace GradCheck.Tests.Support;

/// <summary>
/// A tiny two-layer network, written out by hand with its backward pass: Z1 = W1 X + b1, A1 = tanh(Z1),
/// Z2 = W2 A1 + b2, J = 1/m Σᵢ softmax-cross-entropy(Z2[:, i], labelᵢ). Every layer is 3 wide, so
/// W1 and W2 (3, 3), and b1 and b2 (3), have the same shapes and can be swapped by mistake.
/// </summary>
internal sealed class TanhNetwork<T>
    where T : IFloatingPointIeee754<T>
{
    public const int Width = 3;
    public const int Samples = 4;

    private readonly T[,] x;
    private readonly int[] labels;

    public TanhNetwork(int seed)
    {
        var random = new Random(seed);
        W1 = Functions.UniformMatrix<T>(random, Width, Width, 1.0);
        B1 = Functions.Uniform<T>(random, Width, 0.5);
        W2 = Functions.UniformMatrix<T>(random, Width, Width, 1.0);
        B2 = Functions.Uniform<T>(random, Width, 0.5);
        x = Functions.UniformMatrix<T>(random, Samples, Width, 1.0);
        labels = [.. Enumerable.Range(0, Samples).Select(_ => random.Next(Width))];
    }

    public T[,] W1 { get; }

    public T[] B1 { get; }

    public T[,] W2 { get; }

    public T[] B2 { get; }

    public Dictionary<string, Array> Parameters =>
        new(StringComparer.Ordinal) { ["W1"] = W1, ["b1"] = B1, ["W2"] = W2, ["b2"] = B2 };

    public T Cost()
    {
        T total = T.Zero;
        for (int i = 0; i < Samples; i++)
        {
            (_, T[] z2) = Forward(i);
            total += Functions.SoftmaxCrossEntropy<T>(z2, labels[i]);
        }

        return total / T.CreateTruncating(Samples);
    }

    /// <summary>The hand-written backward pass, keyed dW1, db1, dW2, db2.</summary>
    /// <param name="dropOneOverM">Leaves out the 1/m of the mean, the classic mistake.</param>
    public Dictionary<string, Array> Gradient(bool dropOneOverM = false)
    {
        var dW1 = new T[Width, Width];
        var db1 = new T[Width];
        var dW2 = new T[Width, Width];
        var db2 = new T[Width];
        T scale = dropOneOverM ? T.One : T.One / T.CreateTruncating(Samples);
        for (int i = 0; i < Samples; i++)
        {
            (T[] a1, T[] z2) = Forward(i);
            T[] dZ2 = Functions.SoftmaxCrossEntropyGradient<T>(z2, labels[i]);
            for (int c = 0; c < Width; c++)
            {
                dZ2[c] *= scale;
                db2[c] += dZ2[c];
                for (int h = 0; h < Width; h++)
                {
                    dW2[c, h] += dZ2[c] * a1[h];
                }
            }

            for (int h = 0; h < Width; h++)
            {
                T dA1 = T.Zero;
                for (int c = 0; c < Width; c++)
                {
                    dA1 += W2[c, h] * dZ2[c];
                }

                T dZ1 = dA1 * (T.One - (a1[h] * a1[h]));
                db1[h] += dZ1;
                for (int j = 0; j < Width; j++)
                {
                    dW1[h, j] += dZ1 * x[i, j];
                }
            }
        }

        return new Dictionary<string, Array>(StringComparer.Ordinal) { ["dW1"] = dW1, ["db1"] = db1, ["dW2"] = dW2, ["db2"] = db2 };
    }

    private (T[] A1, T[] Z2) Forward(int sample)
    {
        var a1 = new T[Width];
        for (int h = 0; h < Width; h++)
        {
            T z = B1[h];
            for (int j = 0; j < Width; j++)
            {
                z += W1[h, j] * x[sample, j];
            }

            a1[h] = T.Tanh(z);
        }

        var z2 = new T[Width];
        for (int c = 0; c < Width; c++)
        {
            T z = B2[c];
            for (int h = 0; h < Width; h++)
            {
                z += W2[c, h] * a1[h];
            }

            z2[c] = z;
        }

        return (a1, z2);
    }
}
