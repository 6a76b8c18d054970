using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 13: single-head scaled dot-product attention <c>O = softmax(Q Kᵀ / √d) V</c> over 5 tokens,
/// with <c>Q = X Wq</c>, <c>K = X Wk</c>, <c>V = X Wv + c</c>, read out by a cancelling weighted sum
/// <c>J = Σ w ∘ O</c> (see <see cref="CancellingSum{T}"/>). X (5, 4) and the value offset c (1, 3) are
/// data; the parameters are Wq, Wk (4, 3) and Wv (4, 3): 36 in all.
/// </summary>
/// <remarks>
/// <para>
/// The value offset c, about 10 in every column (a value projection's bias, not trained here), makes
/// every output about 10 while the outputs' spread, which is all the derivative sees, is of order 1:
/// the cost is computed through terms about ten times larger than those that carry its derivative, on
/// top of the read-out's cancellation. Cancellation ratio Σ|w_i O_i| / |J| at the point as built,
/// measured over seeds 1 to 20: 151 to 659 in double and in float (the sanity tests assert 100 to 1000).
/// </para>
/// <para>
/// Backward: <c>dV = Pᵀ dO</c>, <c>dP = dO Vᵀ</c>, the softmax's <c>dS = P ∘ (dP - rowsum(P ∘ dP))</c>,
/// <c>dQ = dS K / √d</c>, <c>dK = dSᵀ Q / √d</c>, and <c>dW = Xᵀ d(Q, K, V)</c>. The row sums remove
/// c's share of dP exactly, in exact arithmetic: in floating point the correct backward pass also
/// cancels. Semantic bugs: the softmax's row-sum term left out (<c>dS = P ∘ dP</c>, which keeps c's
/// share); the 1/√d left out of dQ and dK; <c>dV = P dO</c> (the attention weights not transposed); and
/// <c>dK = dS Q / √d</c> (dS not transposed).
/// </para>
/// </remarks>
public sealed class AttentionCancellingSum<T> : CancellingSum<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Tokens = 5;
    private const int Features = 4;
    private const int KeyWidth = 3;
    private const int ValueWidth = 3;
    private const double WeightScale = 0.6;
    private const double ValueOffset = 10.0;

    private readonly T[,] x;
    private readonly T[,] valueOffset;
    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public AttentionCancellingSum(int seed)
        : base("attention-cancelling", seed)
    {
        var random = new Gaussian(seed);
        x = random.Matrix<T>(Tokens, Features, 1.0);
        valueOffset = random.Matrix<T>(1, ValueWidth, 1.0, mean: ValueOffset);
        AddParameter("Wq", random.Matrix<T>(Features, KeyWidth, WeightScale));
        AddParameter("Wk", random.Matrix<T>(Features, KeyWidth, WeightScale));
        AddParameter("Wv", random.Matrix<T>(Features, ValueWidth, WeightScale));
        ChooseReadOut(random);
        semanticBugs =
        [
            Bug("softmax backward without its row-sum term (dS = P ∘ dP)", (int)Mistake.SoftmaxRowSumLeftOut),
            Bug("1/√d left out of dQ and dK", (int)Mistake.ScaleLeftOut),
            Bug("dV = P dO (attention weights not transposed)", (int)Mistake.WeightsNotTransposed),
            Bug("dK = dS Q / √d (dS not transposed)", (int)Mistake.ScoresGradientNotTransposed),
        ];
    }

    private enum Mistake
    {
        None,
        SoftmaxRowSumLeftOut,
        ScaleLeftOut,
        WeightsNotTransposed,
        ScoresGradientNotTransposed,
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    protected override T[,] Outputs()
    {
        (_, _, T[,] v, T[,] p) = Forward();
        return Matrix.Product(p, v);
    }

    /// <inheritdoc />
    protected override Dictionary<string, T[,]> Backward(T[,] outputGradient, int mistake)
    {
        var what = (Mistake)mistake;
        (T[,] q, T[,] k, T[,] v, T[,] p) = Forward();
        T[,] dv = what == Mistake.WeightsNotTransposed ? Matrix.Product(p, outputGradient) : Matrix.ProductTransposeA(p, outputGradient);
        T[,] dp = Matrix.ProductTransposeB(outputGradient, v);
        var ds = new T[Tokens, Tokens];
        for (int i = 0; i < Tokens; i++)
        {
            T rowSum = T.Zero;
            for (int j = 0; j < Tokens; j++)
            {
                rowSum += p[i, j] * dp[i, j];
            }

            for (int j = 0; j < Tokens; j++)
            {
                ds[i, j] = p[i, j] * (dp[i, j] - (what == Mistake.SoftmaxRowSumLeftOut ? T.Zero : rowSum));
            }
        }

        T scale = what == Mistake.ScaleLeftOut ? T.One : Scale();
        T[,] dq = Matrix.ScaleInPlace(Matrix.Product(ds, k), scale);
        T[,] dk = Matrix.ScaleInPlace(what == Mistake.ScoresGradientNotTransposed ? Matrix.Product(ds, q) : Matrix.ProductTransposeA(ds, q), scale);
        return new Dictionary<string, T[,]>(StringComparer.Ordinal)
        {
            ["Wq"] = Matrix.ProductTransposeA(x, dq),
            ["Wk"] = Matrix.ProductTransposeA(x, dk),
            ["Wv"] = Matrix.ProductTransposeA(x, dv),
        };
    }

    private static T Scale() => T.One / T.Sqrt(T.CreateTruncating(KeyWidth));

    /// <summary>Q, K, V (with its offset) and the attention weights P = softmax(Q Kᵀ / √d), row by row.</summary>
    private (T[,] Q, T[,] K, T[,] V, T[,] P) Forward()
    {
        T[,] q = Matrix.Product(x, Parameter("Wq"));
        T[,] k = Matrix.Product(x, Parameter("Wk"));
        T[,] v = Matrix.Product(x, Parameter("Wv"));
        for (int i = 0; i < Tokens; i++)
        {
            for (int j = 0; j < ValueWidth; j++)
            {
                v[i, j] += valueOffset[0, j];
            }
        }

        T[,] scores = Matrix.ScaleInPlace(Matrix.ProductTransposeB(q, k), Scale());
        var p = new T[Tokens, Tokens];
        for (int i = 0; i < Tokens; i++)
        {
            T max = scores[i, 0];
            for (int j = 1; j < Tokens; j++)
            {
                max = T.Max(max, scores[i, j]);
            }

            T sum = T.Zero;
            for (int j = 0; j < Tokens; j++)
            {
                p[i, j] = T.Exp(scores[i, j] - max);
                sum += p[i, j];
            }

            for (int j = 0; j < Tokens; j++)
            {
                p[i, j] /= sum;
            }
        }

        return (q, k, v, p);
    }
}
