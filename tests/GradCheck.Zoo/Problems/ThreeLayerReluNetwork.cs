using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 11, the seeds' first network: a dense [4, 5, 3, 1] binary classifier with two ReLU hidden
/// layers and a sigmoid output, the mean cross-entropy over the m = 3 columns of X (4, 3), 47 parameters.
/// </summary>
/// <remarks>
/// Re-implemented here, small and seeded, rather than taken from the examples. In generic position
/// like <see cref="ReluNetwork{T}"/> (no hidden pre-activation changes sign within
/// <see cref="ZooProblem{T}.StencilReach"/> of any entry), with every hidden unit on for some example (with 3
/// examples a draw can leave a whole layer dead, and then no gradient reaches W1), some unit off in each
/// hidden layer, and every tensor's gradient resolvable, so both semantic bugs are real: the weight gradient formed with the previous layer's pre-activation Z
/// instead of its activation A, and the ReLU mask forgotten.
/// </remarks>
public sealed class ThreeLayerReluNetwork<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private static readonly int[] Sizes = [4, 5, 3, 1];
    private const int Examples = 3;

    private readonly DenseStack<T> stack;
    private readonly T[,] x;
    private readonly T[,] y;
    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public ThreeLayerReluNetwork(int seed)
        : base("seed-relu-3layer", seed)
    {
        var random = new Gaussian(seed);
        x = random.Matrix<T>(Sizes[0], Examples, 1.0);

        // Both labels, so the cross-entropy's gradient does not push every output the same way.
        y = new T[1, Examples];
        y[0, random.Integer(0, Examples - 1)] = T.One;
        stack = new DenseStack<T>(Parameters, Activation.Relu, Activation.Relu, Activation.Sigmoid);
        do
        {
            stack.Draw(random, Sizes, weightScale: 2.0, biasScale: 0.5);
        }
        while (!SignsHoldWithinStencilReach(() => stack.ReluInputs(x)) || !stack.EveryHiddenUnitIsOnAndEveryLayerOffSomewhere(x) || !GradientIsResolvable());

        semanticBugs =
        [
            new("dW from the pre-activation Z instead of the activation A", () => Backward(DenseMistake.WeightGradientFromPreActivation)),
            new("ReLU mask forgotten", () => Backward(DenseMistake.ReluMaskForgotten)),
        ];
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override T Cost()
    {
        (T[][,] z, _) = stack.Forward(x);
        return Activations.CrossEntropyOfLogits(z[stack.LayerCount], y);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(DenseMistake.None);

    private Dictionary<string, T[,]> Backward(DenseMistake mistake)
    {
        (T[][,] z, T[][,] a) = stack.Forward(x);
        T m = T.CreateTruncating(Examples);
        T[,] outputError = Matrix.Zip(a[stack.LayerCount], y, (output, label) => (output - label) / m);
        return stack.Backward(z, a, outputError, mistake);
    }
}
