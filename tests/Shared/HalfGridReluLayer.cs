using System.Numerics;

namespace GradCheck.Testing;

/// <summary>
/// A dense ReLU layer y = relu(W x + b) on the half grid, for the layer check: x of 3 features by 4
/// examples in {-1, 0, 1}, W (3, 3) and b (3, 1) multiples of 1/2, drawn from a seed, so that some
/// pre-activations are exactly 0 and, along some weights and inputs, two of them switch at once from
/// opposite sides: kinks that meet. Like a hand-written layer, <see cref="Forward"/> keeps the
/// pre-activations, <see cref="Backward"/> returns dx (with ReLU'(0) = 0) and leaves dW and db in
/// <see cref="Gradients"/>.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
internal sealed class HalfGridReluLayer<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Features = 3;
    private const int Units = 3;

    private readonly (int Row, int Column, double Offset)? bug;
    private T[,] input = new T[0, 0];
    private T[,] preActivation = new T[0, 0];

    /// <summary>Draws the layer and its input for <paramref name="seed"/>.</summary>
    /// <param name="seed">The seed of every draw.</param>
    /// <param name="bug">A mistake in the backward pass: <c>Offset</c> added to dW[Row, Column], wherever it runs; null for none.</param>
    public HalfGridReluLayer(int seed, (int Row, int Column, double Offset)? bug = null)
    {
        var random = new Random(seed);
        Input = new T[Features, 4];
        for (int j = 0; j < Features; j++)
        {
            for (int k = 0; k < Input.GetLength(1); k++)
            {
                Input[j, k] = T.CreateTruncating(random.Next(-1, 2));
            }
        }

        var w = new T[Units, Features];
        var b = new T[Units, 1];
        for (int i = 0; i < Units; i++)
        {
            for (int j = 0; j < Features; j++)
            {
                w[i, j] = T.CreateTruncating(random.Next(-2, 3) / 2.0);
            }

            b[i, 0] = T.CreateTruncating(random.Next(-1, 2) / 2.0);
        }

        Parameters = new Dictionary<string, T[,]>(StringComparer.Ordinal) { ["W"] = w, ["b"] = b };
        Gradients = new Dictionary<string, T[,]>(StringComparer.Ordinal) { ["dW"] = new T[Units, Features], ["db"] = new T[Units, 1] };
        this.bug = bug;
    }

    /// <summary>x, features by examples.</summary>
    public T[,] Input { get; }

    /// <summary>W and b, read by <see cref="Forward"/> on every call.</summary>
    public Dictionary<string, T[,]> Parameters { get; }

    /// <summary>dW and db, written by <see cref="Backward"/>.</summary>
    public Dictionary<string, T[,]> Gradients { get; }

    /// <summary>y = relu(W x + b), keeping x and W x + b for the backward pass.</summary>
    public T[,] Forward(T[,] x)
    {
        T[,] w = Parameters["W"];
        T[,] b = Parameters["b"];
        input = x;
        preActivation = new T[Units, x.GetLength(1)];
        var y = new T[Units, x.GetLength(1)];
        for (int i = 0; i < Units; i++)
        {
            for (int k = 0; k < x.GetLength(1); k++)
            {
                T z = b[i, 0];
                for (int j = 0; j < Features; j++)
                {
                    z += w[i, j] * x[j, k];
                }

                preActivation[i, k] = z;
                y[i, k] = T.Max(z, T.Zero);
            }
        }

        return y;
    }

    /// <summary>dx from dy, after <see cref="Forward"/>; dW and db go to <see cref="Gradients"/>.</summary>
    public T[,] Backward(T[,] dy)
    {
        T[,] w = Parameters["W"];
        T[,] dw = Gradients["dW"];
        T[,] db = Gradients["db"];
        Array.Clear(dw);
        Array.Clear(db);
        var dx = new T[Features, dy.GetLength(1)];
        for (int i = 0; i < Units; i++)
        {
            for (int k = 0; k < dy.GetLength(1); k++)
            {
                T dz = preActivation[i, k] > T.Zero ? dy[i, k] : T.Zero;
                db[i, 0] += dz;
                for (int j = 0; j < Features; j++)
                {
                    dw[i, j] += dz * input[j, k];
                    dx[j, k] += w[i, j] * dz;
                }
            }
        }

        if (bug is (int row, int column, double offset))
        {
            dw[row, column] += T.CreateTruncating(offset);
        }

        return dx;
    }
}
