using System.Numerics;

namespace GradCheck.Tests.Support;

/// <summary>Smooth test functions with their exact derivatives, in any floating-point type.</summary>
internal static class Functions
{
    /// <summary>log(sum(exp(z))), shifted by max(z) so that it neither overflows nor underflows.</summary>
    public static T LogSumExp<T>(ReadOnlySpan<T> z)
        where T : IFloatingPointIeee754<T>
    {
        T largest = T.NegativeInfinity;
        foreach (T value in z)
        {
            largest = T.Max(largest, value);
        }

        T sum = T.Zero;
        foreach (T value in z)
        {
            sum += T.Exp(value - largest);
        }

        return largest + T.Log(sum);
    }

    /// <summary>softmax(z), the gradient of <see cref="LogSumExp{T}"/>.</summary>
    public static T[] Softmax<T>(ReadOnlySpan<T> z)
        where T : IFloatingPointIeee754<T>
    {
        T logSum = LogSumExp(z);
        var result = new T[z.Length];
        for (int i = 0; i < z.Length; i++)
        {
            result[i] = T.Exp(z[i] - logSum);
        }

        return result;
    }

    /// <summary>-log softmax(z)[label] = logsumexp(z) - z[label].</summary>
    public static T SoftmaxCrossEntropy<T>(ReadOnlySpan<T> z, int label)
        where T : IFloatingPointIeee754<T> =>
        LogSumExp(z) - z[label];

    /// <summary>The gradient of <see cref="SoftmaxCrossEntropy{T}"/>: softmax(z) - onehot(label).</summary>
    public static T[] SoftmaxCrossEntropyGradient<T>(ReadOnlySpan<T> z, int label)
        where T : IFloatingPointIeee754<T>
    {
        T[] gradient = Softmax(z);
        gradient[label] -= T.One;
        return gradient;
    }

    /// <summary>Uniform values in [-scale, scale) from a seeded generator.</summary>
    public static T[] Uniform<T>(Random random, int length, double scale)
        where T : IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = T.CreateTruncating(scale * ((2 * random.NextDouble()) - 1));
        }

        return values;
    }

    /// <summary>A rows x columns matrix of uniform values in [-scale, scale).</summary>
    public static T[,] UniformMatrix<T>(Random random, int rows, int columns, double scale)
        where T : IFloatingPointIeee754<T>
    {
        var values = new T[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                values[r, c] = T.CreateTruncating(scale * ((2 * random.NextDouble()) - 1));
            }
        }

        return values;
    }
}
