using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 5: layer normalisation of 2 examples of 6 features, <c>y = γ ∘ (x - μ)/sqrt(σ² + ε) + β</c>
/// per example, then a fixed random linear read-out <c>R</c> (6 → 3) and the squared loss
/// <c>½ Σ (y R - t)²</c>. The parameters are the input x (2, 6) as well as γ and β (1, 6): 24 in all.
/// </summary>
/// <remarks>
/// <para>
/// The input gradient is the interesting one: μ and σ² depend on every entry of the row, so
/// <c>∂J/∂x = (1/σ) (dx̂ - mean(dx̂) - x̂ ∘ mean(dx̂ ∘ x̂))</c>, with <c>dx̂ = γ ∘ ∂J/∂y</c>.
/// Semantic bugs: μ and σ² treated as constants (<c>dx̂/σ</c>), and σ² alone treated as constant (the
/// mean's term kept, the variance's dropped), the two classic shortcuts.
/// </para>
/// <para>
/// Each example is drawn then rescaled to a standard deviation of 1.5 around a random mean: x is a
/// parameter, so this only chooses the point, and it keeps σ away from 0, where the cost's third
/// derivative (of order 1/σ³) would make any finite difference inaccurate.
/// </para>
/// </remarks>
public sealed class LayerNormalization<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Rows = 2;
    private const int Features = 6;
    private const int Outputs = 3;
    private const double Epsilon = 1e-5;
    private const double RowStandardDeviation = 1.5;

    private readonly T[,] readOut;
    private readonly T[,] target;
    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public LayerNormalization(int seed)
        : base("layer-norm", seed)
    {
        var random = new Gaussian(seed);
        AddParameter("x", DrawInput(random));
        AddParameter("gamma", random.Matrix<T>(1, Features, 0.3, mean: 1.0));
        AddParameter("beta", random.Matrix<T>(1, Features, 0.3));
        readOut = random.Matrix<T>(Features, Outputs, 1.0 / Math.Sqrt(Features));
        target = random.Matrix<T>(Rows, Outputs, 1.0);
        semanticBugs =
        [
            new("LayerNorm's mean and variance treated as constants in dx", () => Backward(Mistake.StatisticsConstant)),
            new("LayerNorm's variance treated as constant in dx", () => Backward(Mistake.VarianceConstant)),
        ];
    }

    private enum Mistake
    {
        None,
        StatisticsConstant,
        VarianceConstant,
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override T Cost()
    {
        (T[,] y, _, _) = Forward();
        T[,] output = Matrix.Product(y, readOut);
        T sum = T.Zero;
        for (int r = 0; r < Rows; r++)
        {
            for (int o = 0; o < Outputs; o++)
            {
                T residual = output[r, o] - target[r, o];
                sum += residual * residual;
            }
        }

        return sum / T.CreateTruncating(2);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(Mistake.None);

    private static T[,] DrawInput(Gaussian random)
    {
        var x = new T[Rows, Features];
        for (int r = 0; r < Rows; r++)
        {
            double[] row = new double[Features];
            for (int j = 0; j < Features; j++)
            {
                row[j] = random.Next();
            }

            double mean = row.Average();
            double deviation = Math.Sqrt(row.Average(value => (value - mean) * (value - mean)));
            double shift = random.Next(0.0, 0.5);
            for (int j = 0; j < Features; j++)
            {
                x[r, j] = T.CreateTruncating(shift + (RowStandardDeviation * (row[j] - mean) / deviation));
            }
        }

        return x;
    }

    /// <summary>The normalised input x̂, the per-row σ = sqrt(var + ε) and the output y = γ ∘ x̂ + β.</summary>
    private (T[,] Y, T[,] Normalized, T[] Sigma) Forward()
    {
        T[,] x = Parameter("x");
        T[,] gamma = Parameter("gamma");
        T[,] beta = Parameter("beta");
        T n = T.CreateTruncating(Features);
        var normalized = new T[Rows, Features];
        var y = new T[Rows, Features];
        var sigma = new T[Rows];
        for (int r = 0; r < Rows; r++)
        {
            T mean = T.Zero;
            for (int j = 0; j < Features; j++)
            {
                mean += x[r, j];
            }

            mean /= n;
            T variance = T.Zero;
            for (int j = 0; j < Features; j++)
            {
                T centred = x[r, j] - mean;
                variance += centred * centred;
            }

            // The biased variance (divided by n), as layer normalisation defines it.
            variance /= n;
            sigma[r] = T.Sqrt(variance + T.CreateTruncating(Epsilon));
            for (int j = 0; j < Features; j++)
            {
                normalized[r, j] = (x[r, j] - mean) / sigma[r];
                y[r, j] = (gamma[0, j] * normalized[r, j]) + beta[0, j];
            }
        }

        return (y, normalized, sigma);
    }

    private Dictionary<string, T[,]> Backward(Mistake mistake)
    {
        (T[,] y, T[,] normalized, T[] sigma) = Forward();
        T[,] gamma = Parameter("gamma");
        T[,] output = Matrix.Product(y, readOut);
        T[,] outputError = Matrix.Zip(output, target, (value, wanted) => value - wanted);
        T[,] dy = Matrix.ProductTransposeB(outputError, readOut);

        var dgamma = new T[1, Features];
        var dbeta = new T[1, Features];
        var dx = new T[Rows, Features];
        T n = T.CreateTruncating(Features);
        for (int r = 0; r < Rows; r++)
        {
            var dnormalized = new T[Features];
            T meanOfDnormalized = T.Zero;
            T meanOfDnormalizedTimesNormalized = T.Zero;
            for (int j = 0; j < Features; j++)
            {
                dgamma[0, j] += dy[r, j] * normalized[r, j];
                dbeta[0, j] += dy[r, j];
                dnormalized[j] = dy[r, j] * gamma[0, j];
                meanOfDnormalized += dnormalized[j];
                meanOfDnormalizedTimesNormalized += dnormalized[j] * normalized[r, j];
            }

            meanOfDnormalized /= n;
            meanOfDnormalizedTimesNormalized /= n;
            for (int j = 0; j < Features; j++)
            {
                // The mean's path subtracts mean(dx̂); the variance's path subtracts x̂ mean(dx̂ ∘ x̂).
                T fromMean = mistake == Mistake.StatisticsConstant ? T.Zero : meanOfDnormalized;
                T fromVariance = mistake == Mistake.None ? normalized[r, j] * meanOfDnormalizedTimesNormalized : T.Zero;
                dx[r, j] = (dnormalized[j] - fromMean - fromVariance) / sigma[r];
            }
        }

        return new Dictionary<string, T[,]>(StringComparer.Ordinal) { ["x"] = dx, ["gamma"] = dgamma, ["beta"] = dbeta };
    }
}
