using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 4: softmax regression over 4 classes, <c>Z = W X + b</c>, mean cross-entropy over m = 6
/// examples plus the L2 penalty <c>λ/2 ||W||²</c> with λ = 0.1 (24 parameters).
/// </summary>
/// <remarks>
/// <c>∂J/∂Z = (P - Y)/m</c> with P the softmax and Y one-hot; <c>∂J/∂W = (∂J/∂Z) Xᵀ + λ W</c>. The
/// penalty is large enough (λ|W| of order 0.05 against data gradients of order 0.1) that leaving it out
/// is plainly wrong. Semantic bugs: the L2 term left out of dW; the L2 term written λ/2 W (the 2 of the
/// square not brought down); the one-hot not subtracted (P/m instead of (P - Y)/m).
/// </remarks>
public sealed class SoftmaxRegression<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Classes = 4;
    private const int Features = 5;
    private const int Examples = 6;
    private const double Lambda = 0.1;

    private readonly T[,] x;
    private readonly int[] labels;
    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public SoftmaxRegression(int seed)
        : base("softmax-l2", seed)
    {
        var random = new Gaussian(seed);
        x = random.Matrix<T>(Features, Examples, 1.0);
        labels = new int[Examples];
        for (int k = 0; k < Examples; k++)
        {
            labels[k] = random.Integer(0, Classes - 1);
        }

        // Logits of order 1: the softmax is neither uniform nor saturated.
        AddParameter("W", random.Matrix<T>(Classes, Features, 0.5));
        AddParameter("b", random.Matrix<T>(Classes, 1, 0.5));
        semanticBugs =
        [
            new("L2 term left out of dW", () => Backward(Mistake.PenaltyLeftOut)),
            new("L2 term written λ/2 W (the 2 of the square not brought down)", () => Backward(Mistake.PenaltyHalved)),
            new("one-hot not subtracted (P/m instead of (P - Y)/m)", () => Backward(Mistake.OneHotNotSubtracted)),
        ];
    }

    private enum Mistake
    {
        None,
        PenaltyLeftOut,
        PenaltyHalved,
        OneHotNotSubtracted,
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override T Cost()
    {
        T[,] w = Parameter("W");
        T[,] z = Matrix.Affine(w, x, Parameter("b"));
        T dataTerm = T.Zero;
        for (int k = 0; k < Examples; k++)
        {
            // -log p_y = logsumexp(z) - z_y, with the max shifted out so exp never overflows.
            dataTerm += LogSumExpOfColumn(z, k) - z[labels[k], k];
        }

        T penalty = T.Zero;
        foreach (T value in w)
        {
            penalty += value * value;
        }

        return (dataTerm / T.CreateTruncating(Examples)) + (T.CreateTruncating(Lambda / 2) * penalty);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(Mistake.None);

    private static T LogSumExpOfColumn(T[,] z, int column)
    {
        T max = z[0, column];
        for (int i = 1; i < z.GetLength(0); i++)
        {
            max = T.Max(max, z[i, column]);
        }

        T sum = T.Zero;
        for (int i = 0; i < z.GetLength(0); i++)
        {
            sum += T.Exp(z[i, column] - max);
        }

        return max + T.Log(sum);
    }

    private Dictionary<string, T[,]> Backward(Mistake mistake)
    {
        T[,] w = Parameter("W");
        T[,] z = Matrix.Affine(w, x, Parameter("b"));
        T m = T.CreateTruncating(Examples);
        var dz = new T[Classes, Examples];
        for (int k = 0; k < Examples; k++)
        {
            T logSum = LogSumExpOfColumn(z, k);
            for (int i = 0; i < Classes; i++)
            {
                T probability = T.Exp(z[i, k] - logSum);
                T oneHot = mistake != Mistake.OneHotNotSubtracted && i == labels[k] ? T.One : T.Zero;
                dz[i, k] = (probability - oneHot) / m;
            }
        }

        T[,] dw = Matrix.ProductTransposeB(dz, x);
        T penaltyFactor = mistake switch
        {
            Mistake.PenaltyLeftOut => T.Zero,
            Mistake.PenaltyHalved => T.CreateTruncating(Lambda / 2),
            _ => T.CreateTruncating(Lambda),
        };
        dw = Matrix.Zip(dw, w, (data, weight) => data + (penaltyFactor * weight));
        return new Dictionary<string, T[,]>(StringComparer.Ordinal) { ["W"] = dw, ["b"] = Matrix.RowSums(dz) };
    }
}
