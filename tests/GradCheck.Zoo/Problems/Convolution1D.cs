using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 6: a 1-D convolution (valid, kernel 3) from 2 input channels of length 8 to 2 output
/// channels of length 6, with a bias and a ReLU, then the sum of squares <c>½ Σ (y - r)²</c> against a
/// fixed target. Parameters: the input x (2, 8), the kernel K (2, 6) and the bias b (2, 1): 30 in all.
/// </summary>
/// <remarks>
/// <para>
/// <c>z[o,t] = b[o] + Σ_c Σ_k K[o, 3c+k] x[c, t+k]</c> (a cross-correlation, as deep-learning
/// libraries compute it); K's row o holds input channel 0's three taps, then channel 1's. Then
/// <c>∂J/∂K[o,3c+k] = Σ_t dz[o,t] x[c,t+k]</c> and <c>∂J/∂x[c,s] = Σ_o Σ_k dz[o,s-k] K[o,3c+k]</c>, a full
/// convolution. Mixing up correlation and convolution is the classic mistake, in both directions:
/// the semantic bugs are the kernel flipped in the kernel gradient, and the kernel flipped in the
/// input gradient.
/// </para>
/// <para>
/// Like <see cref="ReluNetwork{T}"/>, the kernel and bias are redrawn until no pre-activation changes
/// sign when one entry moves by up to <see cref="ZooProblem{T}.StencilReach"/>, so the problem is smooth.
/// </para>
/// </remarks>
public sealed class Convolution1D<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Channels = 2;
    private const int Length = 8;
    private const int Taps = 3;
    private const int Filters = 2;
    private const int OutputLength = Length - Taps + 1;

    private readonly T[,] target;
    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public Convolution1D(int seed)
        : base("conv1d-relu", seed)
    {
        var random = new Gaussian(seed);
        AddParameter("x", random.Matrix<T>(Channels, Length, 1.0));
        target = random.Matrix<T>(Filters, OutputLength, 1.0);
        do
        {
            Parameters["K"] = random.Matrix<T>(Filters, Channels * Taps, 1.0 / Math.Sqrt(Channels * Taps / 2.0));
            Parameters["b"] = random.Matrix<T>(Filters, 1, 0.5);
        }
        while (!SignsHoldWithinStencilReach(() => [PreActivation()]));

        semanticBugs =
        [
            new("convolution kernel flipped in the kernel gradient", () => Backward(Mistake.KernelGradientFlipped)),
            new("convolution kernel flipped in the input gradient", () => Backward(Mistake.InputGradientFlipped)),
        ];
    }

    private enum Mistake
    {
        None,
        KernelGradientFlipped,
        InputGradientFlipped,
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override T Cost()
    {
        T[,] z = PreActivation();
        T sum = T.Zero;
        for (int o = 0; o < Filters; o++)
        {
            for (int t = 0; t < OutputLength; t++)
            {
                T residual = T.Max(z[o, t], T.Zero) - target[o, t];
                sum += residual * residual;
            }
        }

        return sum / T.CreateTruncating(2);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(Mistake.None);

    private T[,] PreActivation()
    {
        T[,] x = Parameter("x");
        T[,] kernel = Parameter("K");
        T[,] bias = Parameter("b");
        var z = new T[Filters, OutputLength];
        for (int o = 0; o < Filters; o++)
        {
            for (int t = 0; t < OutputLength; t++)
            {
                T sum = bias[o, 0];
                for (int c = 0; c < Channels; c++)
                {
                    for (int k = 0; k < Taps; k++)
                    {
                        sum += kernel[o, (c * Taps) + k] * x[c, t + k];
                    }
                }

                z[o, t] = sum;
            }
        }

        return z;
    }

    private Dictionary<string, T[,]> Backward(Mistake mistake)
    {
        T[,] x = Parameter("x");
        T[,] kernel = Parameter("K");
        T[,] z = PreActivation();

        // dJ/dz = (relu(z) - r) ∘ relu'(z), with relu'(0) = 0 (never reached: the margin keeps z away from 0).
        var dz = new T[Filters, OutputLength];
        for (int o = 0; o < Filters; o++)
        {
            for (int t = 0; t < OutputLength; t++)
            {
                dz[o, t] = z[o, t] > T.Zero ? z[o, t] - target[o, t] : T.Zero;
            }
        }

        var dkernel = new T[Filters, Channels * Taps];
        var dbias = new T[Filters, 1];
        var dx = new T[Channels, Length];
        for (int o = 0; o < Filters; o++)
        {
            for (int t = 0; t < OutputLength; t++)
            {
                dbias[o, 0] += dz[o, t];
                for (int c = 0; c < Channels; c++)
                {
                    for (int k = 0; k < Taps; k++)
                    {
                        int flipped = Taps - 1 - k;
                        int kernelGradientTap = mistake == Mistake.KernelGradientFlipped ? flipped : k;
                        int inputGradientTap = mistake == Mistake.InputGradientFlipped ? flipped : k;

                        // z[o,t] reads x[c,t+k] through K[o,3c+k]: each such product sends dz[o,t] both ways.
                        dkernel[o, (c * Taps) + k] += dz[o, t] * x[c, t + kernelGradientTap];
                        dx[c, t + k] += dz[o, t] * kernel[o, (c * Taps) + inputGradientTap];
                    }
                }
            }
        }

        return new Dictionary<string, T[,]>(StringComparer.Ordinal) { ["x"] = dx, ["K"] = dkernel, ["b"] = dbias };
    }
}
