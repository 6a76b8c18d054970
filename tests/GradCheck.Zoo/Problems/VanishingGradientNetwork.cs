using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 19: a deep, narrow sigmoid network, [3, 3, 3, 3, 3, 1] with four sigmoid hidden layers, a
/// linear output and the half mean squared error over m = 5 examples (52 parameters), whose first
/// layer's gradient has vanished: every entry of dW1 and db1 is around 1e-3 of |J| (the largest between
/// 5e-4 and 2e-3 |J|).
/// </summary>
/// <remarks>
/// <para>
/// Each sigmoid layer multiplies the back-propagated error by σ' ≤ 1/4 and by weights of order 1, so four
/// of them shrink it by about a hundred; the layers nearest the input are also
/// <see cref="ZooProblem{T}.SmallGradientTensors"/>, below <see cref="ZooProblem{T}.ResolvableGradientRatio"/> |J|
/// on purpose, while the last layers' gradients are of the order of |J|. In float a 1% error in W1 or b1
/// (about 1e-5 |J|) is beneath what any finite difference can see (about 2.4e-5 |J|); a checker should
/// say it cannot resolve those tensors rather than pass them silently.
/// </para>
/// <para>
/// Weights N(0, 1.5² / fan-in), biases N(0, 0.5²), redrawn until W1's and b1's largest gradient entries
/// are in [5e-4, 2e-3] |J| and every tensor's ratio is below 1e-2 or at least 2.5e-2. Semantic bugs: sigmoid'
/// evaluated at the activation, the bias gradient from the first example only, and the 1/m left out.
/// </para>
/// </remarks>
public sealed class VanishingGradientNetwork<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private static readonly int[] Sizes = [3, 3, 3, 3, 3, 1];
    private const int Examples = 5;
    private const double Lowest = 5e-4;
    private const double Highest = 2e-3;

    private readonly DenseStack<T> stack;
    private readonly T[,] x;
    private readonly T[,] y;
    private readonly SemanticBug<T>[] semanticBugs;
    private readonly string[] smallGradientTensors;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public VanishingGradientNetwork(int seed)
        : base("vanishing-gradient", seed)
    {
        var random = new Gaussian(seed);
        x = random.Matrix<T>(Sizes[0], Examples, 1.0);
        y = random.Matrix<T>(1, Examples, 1.0);
        stack = new DenseStack<T>(Parameters, Activation.Sigmoid, Activation.Sigmoid, Activation.Sigmoid, Activation.Sigmoid, Activation.Identity);
        do
        {
            stack.Draw(random, Sizes, weightScale: 1.5, biasScale: 0.5);
        }
        while (!FirstLayerHasVanished() || !SmallGradientsAreClear(0.0, 1e-2));

        smallGradientTensors = TensorsBelowResolvableRatio();
        semanticBugs =
        [
            new("sigmoid' evaluated at the activation a instead of z", () => Backward(DenseMistake.DerivativeAtActivation)),
            new("db from the first example only", () => Backward(DenseMistake.BiasFromFirstExample)),
            new("1/m left out", () => Backward(DenseMistake.None, oneOverM: false)),
        ];
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override IReadOnlyCollection<string> SmallGradientTensors => smallGradientTensors;

    /// <inheritdoc />
    public override T Cost()
    {
        (_, T[][,] a) = stack.Forward(x);
        return Activations.HalfMeanSquaredError(a[stack.LayerCount], y);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(DenseMistake.None);

    private bool FirstLayerHasVanished()
    {
        IReadOnlyDictionary<string, double> ratios = GradientRatios();
        return ratios["W1"] is >= Lowest and <= Highest && ratios["b1"] is >= Lowest and <= Highest;
    }

    private Dictionary<string, T[,]> Backward(DenseMistake mistake, bool oneOverM = true)
    {
        (T[][,] z, T[][,] a) = stack.Forward(x);
        T m = oneOverM ? T.CreateTruncating(Examples) : T.One;
        T[,] outputError = Matrix.Zip(a[stack.LayerCount], y, (output, target) => (output - target) / m);
        return stack.Backward(z, a, outputError, mistake);
    }
}
