using System.Numerics;

namespace GradCheck.Tests.Support;

/// <summary>J(θ) = ½ θᵀAθ + bᵀθ with A symmetric, whose gradient is Aθ + b: a pure cost of a flat vector.</summary>
internal sealed class Quadratic<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly T[,] a;
    private readonly T[] b;

    public Quadratic(int seed, int size)
    {
        var random = new Random(seed);
        T[,] m = Functions.UniformMatrix<T>(random, size, size, 1.0);
        a = new T[size, size];
        for (int i = 0; i < size; i++)
        {
            for (int j = 0; j < size; j++)
            {
                // A = MᵀM + I, symmetric, so that the gradient is exactly Aθ + b.
                T sum = i == j ? T.One : T.Zero;
                for (int k = 0; k < size; k++)
                {
                    sum += m[k, i] * m[k, j];
                }

                a[i, j] = sum;
            }
        }

        b = Functions.Uniform<T>(random, size, 1.0);
    }

    public T Cost(T[] theta)
    {
        T total = T.Zero;
        for (int i = 0; i < theta.Length; i++)
        {
            T row = T.Zero;
            for (int j = 0; j < theta.Length; j++)
            {
                row += a[i, j] * theta[j];
            }

            total += (T.CreateTruncating(0.5) * theta[i] * row) + (b[i] * theta[i]);
        }

        return total;
    }

    public T[] Gradient(T[] theta)
    {
        var gradient = new T[theta.Length];
        for (int i = 0; i < theta.Length; i++)
        {
            T row = b[i];
            for (int j = 0; j < theta.Length; j++)
            {
                row += a[i, j] * theta[j];
            }

            gradient[i] = row;
        }

        return gradient;
    }
}
