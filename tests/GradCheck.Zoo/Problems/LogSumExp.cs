using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 9: the mean log-sum-exp of a linear map, <c>J = (1/m) Σ_k log Σ_i exp((W x_k + b)_i)</c>,
/// for 5 outputs, 4 features and m = 3 examples, with the inputs x as parameters too (37 parameters).
/// </summary>
/// <remarks>
/// <c>∂J/∂z_k = softmax(z_k)/m</c>, then <c>∂J/∂W = (∂J/∂Z) Xᵀ</c>, <c>∂J/∂b = Σ_k ∂J/∂z_k</c> and
/// <c>∂J/∂X = Wᵀ (∂J/∂Z)</c>. The cost subtracts the column's maximum before exponentiating, which does
/// not change its value, and the maximum's own derivative cancels. Semantic bugs: the softmax left
/// unnormalised (<c>exp(z - max)</c> used as the weights), and the maximum's one-hot derivative added
/// as if the shift did not cancel.
/// </remarks>
public sealed class LogSumExp<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Outputs = 5;
    private const int Features = 4;
    private const int Examples = 3;

    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public LogSumExp(int seed)
        : base("log-sum-exp", seed)
    {
        var random = new Gaussian(seed);

        // Logits of standard deviation about 1.5: one output leads, but the softmax is not one-hot.
        AddParameter("W", random.Matrix<T>(Outputs, Features, 0.75));
        AddParameter("b", random.Matrix<T>(Outputs, 1, 0.5));
        AddParameter("x", random.Matrix<T>(Features, Examples, 1.0));
        semanticBugs =
        [
            new("softmax left unnormalised (exp(z - max) as the weights)", () => Backward(Mistake.Unnormalised)),
            new("max shift's one-hot derivative added", () => Backward(Mistake.ShiftDifferentiated)),
        ];
    }

    private enum Mistake
    {
        None,
        Unnormalised,
        ShiftDifferentiated,
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override T Cost()
    {
        T[,] z = Matrix.Affine(Parameter("W"), Parameter("x"), Parameter("b"));
        T sum = T.Zero;
        for (int k = 0; k < Examples; k++)
        {
            int argmax = ArgMax(z, k);
            T shifted = T.Zero;
            for (int i = 0; i < Outputs; i++)
            {
                shifted += T.Exp(z[i, k] - z[argmax, k]);
            }

            sum += z[argmax, k] + T.Log(shifted);
        }

        return sum / T.CreateTruncating(Examples);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(Mistake.None);

    private static int ArgMax(T[,] z, int column)
    {
        int argmax = 0;
        for (int i = 1; i < z.GetLength(0); i++)
        {
            if (z[i, column] > z[argmax, column])
            {
                argmax = i;
            }
        }

        return argmax;
    }

    private Dictionary<string, T[,]> Backward(Mistake mistake)
    {
        T[,] w = Parameter("W");
        T[,] x = Parameter("x");
        T[,] z = Matrix.Affine(w, x, Parameter("b"));
        T m = T.CreateTruncating(Examples);
        var dz = new T[Outputs, Examples];
        for (int k = 0; k < Examples; k++)
        {
            int argmax = ArgMax(z, k);
            T total = T.Zero;
            for (int i = 0; i < Outputs; i++)
            {
                dz[i, k] = T.Exp(z[i, k] - z[argmax, k]);
                total += dz[i, k];
            }

            for (int i = 0; i < Outputs; i++)
            {
                T weight = mistake == Mistake.Unnormalised ? dz[i, k] : dz[i, k] / total;
                T shift = mistake == Mistake.ShiftDifferentiated && i == argmax ? T.One : T.Zero;
                dz[i, k] = (weight + shift) / m;
            }
        }

        return new Dictionary<string, T[,]>(StringComparer.Ordinal)
        {
            ["W"] = Matrix.ProductTransposeB(dz, x),
            ["b"] = Matrix.RowSums(dz),
            ["x"] = Matrix.ProductTransposeA(w, dz),
        };
    }
}
