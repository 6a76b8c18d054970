using System.Numerics;

namespace GradCheck.Tests.Support;

/// <summary>
/// Linear regression with a mean squared error: J = 1/(2m) Σᵢ ||W xᵢ + b - yᵢ||², parameters W (2, 3) and
/// b (2) read in place, so the checker's perturbations are seen by <see cref="Cost"/>.
/// </summary>
internal sealed class LinearModel<T>
    where T : IFloatingPointIeee754<T>
{
    public const int Inputs = 3;
    public const int Outputs = 2;
    public const int Samples = 6;

    private readonly T[,] x;
    private readonly T[,] y;

    public LinearModel(int seed)
    {
        var random = new Random(seed);
        W = Functions.UniformMatrix<T>(random, Outputs, Inputs, 1.0);
        B = Functions.Uniform<T>(random, Outputs, 1.0);
        x = Functions.UniformMatrix<T>(random, Samples, Inputs, 1.0);
        y = Functions.UniformMatrix<T>(random, Samples, Outputs, 1.0);
    }

    public T[,] W { get; }

    public T[] B { get; }

    public Dictionary<string, Array> Parameters => new(StringComparer.Ordinal) { ["W"] = W, ["b"] = B };

    public T Cost()
    {
        T total = T.Zero;
        for (int i = 0; i < Samples; i++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                T residual = Residual(i, o);
                total += residual * residual;
            }
        }

        return total / T.CreateTruncating(2 * Samples);
    }

    /// <summary>dJ/dW = 1/m Σᵢ rᵢ xᵢᵀ and dJ/db = 1/m Σᵢ rᵢ, keyed dW and db.</summary>
    /// <param name="dropOneOverM">Leaves out the 1/m, the classic mistake.</param>
    public Dictionary<string, Array> Gradient(bool dropOneOverM = false)
    {
        var dW = new T[Outputs, Inputs];
        var db = new T[Outputs];
        T scale = dropOneOverM ? T.One : T.One / T.CreateTruncating(Samples);
        for (int i = 0; i < Samples; i++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                T residual = Residual(i, o) * scale;
                db[o] += residual;
                for (int j = 0; j < Inputs; j++)
                {
                    dW[o, j] += residual * x[i, j];
                }
            }
        }

        return new Dictionary<string, Array>(StringComparer.Ordinal) { ["dW"] = dW, ["db"] = db };
    }

    private T Residual(int sample, int output)
    {
        T z = B[output];
        for (int j = 0; j < Inputs; j++)
        {
            z += W[output, j] * x[sample, j];
        }

        return z - y[sample, output];
    }
}
