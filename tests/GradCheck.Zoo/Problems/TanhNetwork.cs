using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 1: a dense [3, 5, 5, 1] network with two tanh hidden layers, a sigmoid output and the mean
/// cross-entropy over m = 6 examples (56 parameters).
/// </summary>
/// <remarks>
/// The workhorse of hand-written backpropagation. W2 is square (5 × 5), so a gradient stored
/// transposed is a planted bug here, and b1 and b2 have the same shape, so they can be swapped.
/// Semantic bugs: tanh' written as sigmoid' (a copy-paste from a sigmoid network), and the bias
/// gradient taken from the first example only (a missing sum over the batch).
/// </remarks>
public sealed class TanhNetwork<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private static readonly int[] Sizes = [3, 5, 5, 1];
    private const int Examples = 6;

    private readonly DenseStack<T> stack;
    private readonly T[,] x;
    private readonly T[,] y;
    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public TanhNetwork(int seed)
        : base("tanh-network", seed)
    {
        var random = new Gaussian(seed);
        x = random.Matrix<T>(Sizes[0], Examples, 1.0);
        y = random.Labels<T>(1, Examples);
        stack = new DenseStack<T>(Parameters, Activation.Tanh, Activation.Tanh, Activation.Sigmoid);

        // Weights of scale 1.5 / sqrt(fan-in): tanh well inside its curved range. Redrawn in the rare case
        // that a tensor's gradient is too small to judge in float (b3's, a single sum of residuals, can be).
        do
        {
            stack.Draw(random, Sizes, weightScale: 1.5, biasScale: 0.5);
        }
        while (!GradientIsResolvable());

        semanticBugs =
        [
            new("tanh' written as sigmoid'", () => Backward(DenseMistake.HiddenDerivativeAsSigmoid)),
            new("db from the first example only", () => Backward(DenseMistake.BiasFromFirstExample)),
        ];
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override T Cost()
    {
        (T[][,] z, _) = stack.Forward(x);

        // The cross-entropy from the output logits, never from a probability that could round to 0 or 1.
        return Activations.CrossEntropyOfLogits(z[stack.LayerCount], y);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(DenseMistake.None);

    private Dictionary<string, T[,]> Backward(DenseMistake mistake)
    {
        (T[][,] z, T[][,] a) = stack.Forward(x);

        // Sigmoid output with cross-entropy: dJ/dZ_L = (A_L - Y) / m.
        T m = T.CreateTruncating(Examples);
        T[,] outputError = Matrix.Zip(a[stack.LayerCount], y, (output, label) => (output - label) / m);
        return stack.Backward(z, a, outputError, mistake);
    }
}
