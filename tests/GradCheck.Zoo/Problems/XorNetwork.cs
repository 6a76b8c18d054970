using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 12, the seeds' XOR network: [2, 2, 2, 1] with sigmoid units throughout, in the course
/// notation where each layer's matrix Θ carries its bias as column 0 (<c>z = Θ [1; a]</c>), and the mean
/// cross-entropy over the four XOR examples. Θ1 and Θ2 are (2, 3), Θ3 is (1, 3): 15 parameters.
/// </summary>
/// <remarks>
/// <para>
/// Backpropagation in that notation: <c>δ3 = (h - y)/m</c>, <c>ΔΘ_l = δ_l [1; a_{l-1}]ᵀ</c>, and
/// <c>δ_{l-1} = (Θ_l[:, 1:])ᵀ δ_l ∘ σ'(z_{l-1})</c>: the bias column is dropped when the error goes back,
/// because the constant 1 has no input to pass it to.
/// </para>
/// <para>
/// Semantic bugs, both classics of that course: dropping the last column of Θ instead of the bias
/// column when back-propagating, and evaluating σ' at the activation (σ'(a) = σ(a)(1 - σ(a)), where
/// a = σ(z) already, instead of a(1 - a)).
/// </para>
/// <para>
/// At small weights the four XOR examples cancel each other's gradients almost exactly (that is why
/// XOR is hard to start learning), so the weights here are large, of standard deviation 1.5, and are
/// redrawn until every tensor's gradient is resolvable (without that, Θ1's falls to 1e-3 of the cost).
/// </para>
/// </remarks>
public sealed class XorNetwork<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Examples = 4;
    private const double WeightScale = 1.5;
    private static readonly string[] Keys = ["Theta1", "Theta2", "Theta3"];

    private readonly T[,] x;
    private readonly T[,] y;
    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public XorNetwork(int seed)
        : base("seed-xor", seed)
    {
        var random = new Gaussian(seed);

        // The four inputs as columns, and their exclusive or.
        x = new T[2, Examples];
        y = new T[1, Examples];
        for (int k = 0; k < Examples; k++)
        {
            x[0, k] = T.CreateTruncating(k >> 1);
            x[1, k] = T.CreateTruncating(k & 1);
            y[0, k] = T.CreateTruncating((k >> 1) ^ (k & 1));
        }

        do
        {
            Parameters[Keys[0]] = random.Matrix<T>(2, 3, WeightScale);
            Parameters[Keys[1]] = random.Matrix<T>(2, 3, WeightScale);
            Parameters[Keys[2]] = random.Matrix<T>(1, 3, WeightScale);
        }
        while (!GradientIsResolvable());

        semanticBugs =
        [
            new("Θ's last column dropped instead of its bias column when back-propagating δ", () => Backward(Mistake.WrongColumnDropped)),
            new("sigmoid' evaluated at the activation a instead of z", () => Backward(Mistake.SigmoidDerivativeOfActivation)),
        ];
    }

    private enum Mistake
    {
        None,
        WrongColumnDropped,
        SigmoidDerivativeOfActivation,
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override T Cost()
    {
        (T[][,] z, _) = Forward();
        return Activations.CrossEntropyOfLogits(z[3], y);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(Mistake.None);

    /// <summary>A row of ones on top of <paramref name="a"/>: the bias unit.</summary>
    private static T[,] WithBiasUnit(T[,] a)
    {
        var result = new T[a.GetLength(0) + 1, a.GetLength(1)];
        for (int k = 0; k < a.GetLength(1); k++)
        {
            result[0, k] = T.One;
            for (int i = 0; i < a.GetLength(0); i++)
            {
                result[i + 1, k] = a[i, k];
            }
        }

        return result;
    }

    /// <summary>Θ without one column: the bias column 0, or (the bug) the last.</summary>
    private static T[,] WithoutColumn(T[,] theta, int dropped)
    {
        var result = new T[theta.GetLength(0), theta.GetLength(1) - 1];
        for (int i = 0; i < theta.GetLength(0); i++)
        {
            for (int j = 0, target = 0; j < theta.GetLength(1); j++)
            {
                if (j != dropped)
                {
                    result[i, target++] = theta[i, j];
                }
            }
        }

        return result;
    }

    /// <summary>z[l] and [1; a[l]] for l = 1..3 (index 0: the input with its bias unit).</summary>
    private (T[][,] Z, T[][,] AWithBias) Forward()
    {
        var z = new T[4][,];
        var withBias = new T[4][,];
        withBias[0] = WithBiasUnit(x);
        for (int l = 1; l <= 3; l++)
        {
            z[l] = Matrix.Product(Parameter(Keys[l - 1]), withBias[l - 1]);
            withBias[l] = WithBiasUnit(Matrix.Map(z[l], Activations.Sigmoid));
        }

        return (z, withBias);
    }

    private Dictionary<string, T[,]> Backward(Mistake mistake)
    {
        (T[][,] z, T[][,] withBias) = Forward();
        T m = T.CreateTruncating(Examples);
        var gradients = new T[4][,];
        T[,] delta = Matrix.Zip(Matrix.Map(z[3], Activations.Sigmoid), y, (h, label) => (h - label) / m);
        for (int l = 3; l >= 1; l--)
        {
            gradients[l] = Matrix.ProductTransposeB(delta, withBias[l - 1]);
            if (l > 1)
            {
                T[,] theta = Parameter(Keys[l - 1]);
                int dropped = mistake == Mistake.WrongColumnDropped ? theta.GetLength(1) - 1 : 0;
                T[,] back = Matrix.ProductTransposeA(WithoutColumn(theta, dropped), delta);
                T[,] zPrevious = z[l - 1];
                delta = Matrix.Zip(back, zPrevious, (error, preActivation) =>
                {
                    T a = Activations.Sigmoid(preActivation);
                    T derivative = mistake == Mistake.SigmoidDerivativeOfActivation ? Activations.SigmoidDerivative(a) : a * (T.One - a);
                    return error * derivative;
                });
            }
        }

        return new Dictionary<string, T[,]>(StringComparer.Ordinal)
        {
            [Keys[0]] = gradients[1],
            [Keys[1]] = gradients[2],
            [Keys[2]] = gradients[3],
        };
    }
}
