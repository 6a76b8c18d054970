using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 18: the seeds' XOR network as it is usually first written, [2, 2, 2, 1] with sigmoid units
/// throughout, separate weights and biases, standard-normal parameters and the half mean squared error
/// over the four XOR examples (15 parameters), at a point where some tensor's largest gradient entry is
/// only 1e-3 to 1e-2 of |J|: below <see cref="ZooProblem{T}.ResolvableGradientRatio"/> on purpose.
/// </summary>
/// <remarks>
/// <para>
/// With standard-normal weights the four examples' gradients nearly cancel in the first layer, and two
/// sigmoids' derivatives (at most 1/4 each) and the squared error's own σ' damp it further, so b1 (and on
/// some seeds W1 or b2) ends up 1e-3 to 1e-2 of |J|: the seed problem's b1 is like that. A float central
/// difference resolves a derivative only to about ε |J| / h ≈ 2.4e-5 |J|, so a 1% error in such a tensor
/// (1e-5 to 1e-4 |J|) is beneath what any finite difference can see in float; a checker should say so
/// rather than pass it silently. <see cref="ZooProblem{T}.SmallGradientTensors"/> lists the tensors,
/// <see cref="ZooProblem{T}.GradientRatios"/> their ratios.
/// </para>
/// <para>
/// Redrawn until some tensor's ratio is in [1e-3, 1e-2) and every other tensor's at least 2.5e-2 (clear
/// of the threshold, so that float and double agree on which tensors are small).
/// Semantic bugs: sigmoid' evaluated at the activation (σ'(a) for a(1 - a)) in every layer, the output
/// σ' left out (the cross-entropy's output error in a squared-error network), and the 1/m left out.
/// </para>
/// </remarks>
public sealed class SmallGradientXorNetwork<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private static readonly int[] Sizes = [2, 2, 2, 1];
    private const int Examples = 4;

    private readonly DenseStack<T> stack;
    private readonly T[,] x;
    private readonly T[,] y;
    private readonly SemanticBug<T>[] semanticBugs;
    private readonly string[] smallGradientTensors;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public SmallGradientXorNetwork(int seed)
        : base("xor-small-gradient", seed)
    {
        var random = new Gaussian(seed);
        x = new T[2, Examples];
        y = new T[1, Examples];
        for (int k = 0; k < Examples; k++)
        {
            x[0, k] = T.CreateTruncating(k >> 1);
            x[1, k] = T.CreateTruncating(k & 1);
            y[0, k] = T.CreateTruncating((k >> 1) ^ (k & 1));
        }

        stack = new DenseStack<T>(Parameters, Activation.Sigmoid, Activation.Sigmoid, Activation.Sigmoid);
        do
        {
            for (int l = 1; l < Sizes.Length; l++)
            {
                Parameters["W" + l] = random.Matrix<T>(Sizes[l], Sizes[l - 1], 1.0);
                Parameters["b" + l] = random.Matrix<T>(Sizes[l], 1, 1.0);
            }
        }
        while (!SmallGradientsAreClear(1e-3, 1e-2));

        smallGradientTensors = TensorsBelowResolvableRatio();
        semanticBugs =
        [
            new("sigmoid' evaluated at the activation a instead of z", () => Backward(DenseMistake.DerivativeAtActivation)),
            new("output sigmoid' left out (cross-entropy's error in a squared-error net)", () => Backward(DenseMistake.None, outputDerivative: false)),
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

    private Dictionary<string, T[,]> Backward(DenseMistake mistake, bool outputDerivative = true, bool oneOverM = true)
    {
        (T[][,] z, T[][,] a) = stack.Forward(x);
        int layers = stack.LayerCount;
        T m = oneOverM ? T.CreateTruncating(Examples) : T.One;
        T[,] outputError = Matrix.Zip(a[layers], y, (output, target) => (output - target) / m);
        if (outputDerivative)
        {
            // σ'(z) = a (1 - a); the mistake evaluates σ' at a itself, as in the hidden layers.
            T[,] at = mistake == DenseMistake.DerivativeAtActivation ? a[layers] : z[layers];
            outputError = Matrix.Zip(outputError, at, (error, value) => error * Activations.SigmoidDerivative(value));
        }

        return stack.Backward(z, a, outputError, mistake);
    }
}
