using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 7: linear regression with 2 outputs and 6 features, <c>J = 1/(2m) ||W X + b - Y||² + λ Σ|W|</c>
/// over m = 5 examples, λ = 0.1, with 4 of the 12 weights exactly 0 (14 parameters). Has kinks.
/// </summary>
/// <remarks>
/// <para>
/// |w| has a kink at 0: there the one-sided derivatives of J are <c>g ± λ</c>, with g the data term's
/// derivative, and the hand-written gradient takes the subgradient sign(0) = 0, giving g, the middle of
/// that interval. A central difference happens to agree (|h| - |-h| = 0), so this kink is invisible to a
/// plain two-point check; a checker that looks for kinks should still find and report it.
/// </para>
/// <para>
/// The non-zero weights are at least 0.1 from 0, far beyond any finite-difference step, so the only
/// kinks are the exact zeros, and the weights are redrawn until no zero weight holds its tensor's
/// largest gradient entry (see <see cref="ZooProblem{T}.LargestEntriesAreSmooth"/>). Semantic bugs: the penalty's gradient written λ w (the L2 penalty's) and
/// the penalty left out of dW. (sign(0) = +1 is not listed: g + λ is an end of the subdifferential, so
/// it is not a bug.)
/// </para>
/// </remarks>
public sealed class L1Regression<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Outputs = 2;
    private const int Features = 6;
    private const int Examples = 5;
    private const int ZeroWeights = 4;
    private const double Lambda = 0.1;

    private readonly T[,] x;
    private readonly T[,] y;
    private readonly SemanticBug<T>[] semanticBugs;
    private readonly string[] kinkEntries;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public L1Regression(int seed)
        : base("l1-penalty", seed)
    {
        var random = new Gaussian(seed);
        x = random.Matrix<T>(Features, Examples, 1.0);
        y = random.Matrix<T>(Outputs, Examples, 1.0);
        do
        {
            Parameters["W"] = DrawWeights(random);
            Parameters["b"] = random.Matrix<T>(Outputs, 1, 0.5);
            kinkEntries = [.. ZeroWeightLabels()];
        }
        while (!LargestEntriesAreSmooth(kinkEntries));

        semanticBugs =
        [
            new("L1 gradient written λ w (the L2 penalty's)", () => Backward(Mistake.PenaltyAsL2)),
            new("L1 term left out of dW", () => Backward(Mistake.PenaltyLeftOut)),
        ];
    }

    private enum Mistake
    {
        None,
        PenaltyAsL2,
        PenaltyLeftOut,
    }

    /// <inheritdoc />
    public override IReadOnlyCollection<string> KinkEntries => kinkEntries;

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override T Cost()
    {
        T[,] w = Parameter("W");
        T[,] prediction = Matrix.Affine(w, x, Parameter("b"));
        T penalty = T.Zero;
        foreach (T value in w)
        {
            penalty += T.Abs(value);
        }

        return Activations.HalfMeanSquaredError(prediction, y) + (T.CreateTruncating(Lambda) * penalty);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(Mistake.None);

    /// <summary>
    /// Weights at least 0.1 from 0, then <see cref="ZeroWeights"/> of them set exactly to 0, as an L1
    /// penalty leaves weights after a proximal step: the kinks of this problem.
    /// </summary>
    private static T[,] DrawWeights(Gaussian random)
    {
        var w = new T[Outputs, Features];
        for (int i = 0; i < Outputs; i++)
        {
            for (int j = 0; j < Features; j++)
            {
                double magnitude = 0.1 + (0.6 * Math.Abs(random.Next()));
                w[i, j] = T.CreateTruncating(random.Uniform() < 0.5 ? -magnitude : magnitude);
            }
        }

        int zeroed = 0;
        while (zeroed < ZeroWeights)
        {
            int flat = random.Integer(0, w.Length - 1);
            if (w[flat / Features, flat % Features] != T.Zero)
            {
                w[flat / Features, flat % Features] = T.Zero;
                zeroed++;
            }
        }

        return w;
    }

    private IEnumerable<string> ZeroWeightLabels()
    {
        T[,] w = Parameter("W");
        for (int i = 0; i < Outputs; i++)
        {
            for (int j = 0; j < Features; j++)
            {
                if (w[i, j] == T.Zero)
                {
                    yield return EntryLabel("W", i, j);
                }
            }
        }
    }

    private Dictionary<string, T[,]> Backward(Mistake mistake)
    {
        T[,] w = Parameter("W");
        T[,] prediction = Matrix.Affine(w, x, Parameter("b"));
        T m = T.CreateTruncating(Examples);
        T[,] residual = Matrix.Zip(prediction, y, (value, target) => (value - target) / m);
        T lambda = T.CreateTruncating(Lambda);

        // T.Sign(0) is 0: the subgradient of |w| at the kink that sits in the middle of [-1, 1].
        T[,] dw = Matrix.Zip(
            Matrix.ProductTransposeB(residual, x),
            w,
            (data, weight) => data + mistake switch
            {
                Mistake.PenaltyAsL2 => lambda * weight,
                Mistake.PenaltyLeftOut => T.Zero,
                _ => lambda * T.CreateTruncating(T.Sign(weight)),
            });
        return new Dictionary<string, T[,]>(StringComparer.Ordinal) { ["W"] = dw, ["b"] = Matrix.RowSums(residual) };
    }
}
