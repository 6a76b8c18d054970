using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 2: a dense [3, 4, 4, 2] network with sigmoid hidden and output layers and the half mean
/// squared error <c>1/(2m) Σ (A - Y)²</c> over m = 5 examples (46 parameters).
/// </summary>
/// <remarks>
/// Sigmoids damp the error by at most 1/4 per layer, so the weights are drawn large (2.5 / sqrt(fan-in))
/// and redrawn until every tensor's gradient is resolvable (<see cref="ZooProblem{T}.GradientIsResolvable"/>);
/// without that, W1's gradient falls to 4e-3 of the cost on some seeds. Semantic bugs: the
/// 1/m of the mean left out, and the output layer's σ' left out (the cross-entropy's output error
/// <c>(A - Y)/m</c> pasted into a squared-error network).
/// </remarks>
public sealed class SigmoidSquaredErrorNetwork<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private static readonly int[] Sizes = [3, 4, 4, 2];
    private const int Examples = 5;

    private readonly DenseStack<T> stack;
    private readonly T[,] x;
    private readonly T[,] y;
    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public SigmoidSquaredErrorNetwork(int seed)
        : base("sigmoid-mse-network", seed)
    {
        var random = new Gaussian(seed);
        x = random.Matrix<T>(Sizes[0], Examples, 1.0);

        // Targets in [0.2, 0.8]: residuals of order 0.3. The cost grows as the residual squared and the
        // gradient only as the residual, so moderate residuals keep the gradient large next to the cost.
        y = new T[Sizes[^1], Examples];
        for (int i = 0; i < y.GetLength(0); i++)
        {
            for (int k = 0; k < Examples; k++)
            {
                y[i, k] = T.CreateTruncating(0.2 + (0.6 * random.Uniform()));
            }
        }

        stack = new DenseStack<T>(Parameters, Activation.Sigmoid, Activation.Sigmoid, Activation.Sigmoid);
        do
        {
            stack.Draw(random, Sizes, weightScale: 2.5, biasScale: 0.5);
        }
        while (!GradientIsResolvable());

        semanticBugs =
        [
            new("1/m left out", () => Backward(OutputMistake.MissingOneOverM)),
            new("output sigmoid' left out (cross-entropy's error in a squared-error net)", () => Backward(OutputMistake.OutputDerivativeLeftOut)),
        ];
    }

    private enum OutputMistake
    {
        None,
        MissingOneOverM,
        OutputDerivativeLeftOut,
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override T Cost()
    {
        (_, T[][,] a) = stack.Forward(x);
        return Activations.HalfMeanSquaredError(a[stack.LayerCount], y);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(OutputMistake.None);

    private Dictionary<string, T[,]> Backward(OutputMistake mistake)
    {
        (T[][,] z, T[][,] a) = stack.Forward(x);
        int layers = stack.LayerCount;

        // dJ/dA_L = (A_L - Y) / m, and dJ/dZ_L = dJ/dA_L ∘ σ'(Z_L).
        T m = mistake == OutputMistake.MissingOneOverM ? T.One : T.CreateTruncating(Examples);
        T[,] outputError = Matrix.Zip(a[layers], y, (output, target) => (output - target) / m);
        if (mistake != OutputMistake.OutputDerivativeLeftOut)
        {
            outputError = Matrix.Zip(outputError, z[layers], (error, preActivation) => error * Activations.SigmoidDerivative(preActivation));
        }

        return stack.Backward(z, a, outputError, DenseMistake.None);
    }
}
