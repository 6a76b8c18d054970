using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 3: a dense [4, 5, 5, 1] regression network with two ReLU hidden layers, a linear output and
/// the half mean squared error over m = 4 random examples (61 parameters), in generic position.
/// </summary>
/// <remarks>
/// Generic position means no pre-activation is exactly 0, and more: no hidden pre-activation changes
/// sign when one parameter entry moves by up to <see cref="ZooProblem{T}.StencilReach"/>, so no
/// finite-difference stencil crosses a ReLU's kink and the cost is smooth wherever a checker looks. Parameters are redrawn from the same random stream until
/// that holds and no hidden unit is dead (off for every example), which keeps the construction
/// deterministic. Semantic bugs: the ReLU mask forgotten,
/// and the bias gradient from the first example only.
/// </remarks>
public sealed class ReluNetwork<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private static readonly int[] Sizes = [4, 5, 5, 1];
    private const int Examples = 4;

    private readonly DenseStack<T> stack;
    private readonly T[,] x;
    private readonly T[,] y;
    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public ReluNetwork(int seed)
        : base("relu-network", seed)
    {
        var random = new Gaussian(seed);
        x = random.Matrix<T>(Sizes[0], Examples, 1.0);
        y = random.Matrix<T>(1, Examples, 1.0);
        stack = new DenseStack<T>(Parameters, Activation.Relu, Activation.Relu, Activation.Identity);
        do
        {
            // He scaling, sqrt(2) / sqrt(fan-in), keeps the ReLU pre-activations of order 1.
            stack.Draw(random, Sizes, weightScale: Math.Sqrt(2.0), biasScale: 0.5);
        }
        while (!SignsHoldWithinStencilReach(() => stack.ReluInputs(x)) || !stack.EveryHiddenUnitIsOnAndEveryLayerOffSomewhere(x));

        semanticBugs =
        [
            new("ReLU mask forgotten", () => Backward(DenseMistake.ReluMaskForgotten)),
            new("db from the first example only", () => Backward(DenseMistake.BiasFromFirstExample)),
        ];
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
    public override Dictionary<string, T[,]> Gradient() => Backward(DenseMistake.None);

    private Dictionary<string, T[,]> Backward(DenseMistake mistake)
    {
        (T[][,] z, T[][,] a) = stack.Forward(x);

        // Linear output with half mean squared error: dJ/dZ_L = (Z_L - Y) / m.
        T m = T.CreateTruncating(Examples);
        T[,] outputError = Matrix.Zip(a[stack.LayerCount], y, (output, target) => (output - target) / m);
        return stack.Backward(z, a, outputError, mistake);
    }
}
