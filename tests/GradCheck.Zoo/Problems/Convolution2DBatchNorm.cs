using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 20: a 2-D convolution (3x3, padding 1) from 2 to 3 channels over a batch of 2 images of 3x3
/// (all but the centre on the border, where a padding mistake shows), with a bias, then batch
/// normalisation in training mode, then the sum of squares <c>½ Σ (y - r)²</c> against a fixed target. Parameters, as matrices: the images x (N·C_in, H·W) = (4, 9), the kernels
/// K (C_out·C_in, 9) = (6, 9), the bias b (1, 3), and the normalisation's γ and β (3, 1): 99 in all.
/// </summary>
/// <remarks>
/// <para>
/// <c>z[n,o,h,w] = b[o] + Σ_c Σ_p Σ_q K[o·C_in+c, 3p+q] x[n·C_in+c, (h+p-1)·W + (w+q-1)]</c>, x read as 0
/// outside (a cross-correlation, as deep-learning libraries compute it); then per channel o, over the
/// batch and the pixels, <c>y = γ (z - μ) / σ + β</c> with <c>σ = sqrt(var + 1e-5)</c>. The classic
/// mistakes of such a layer are the semantic bugs: the kernel read rotated 180° in the kernel gradient
/// (a convolution where the forward pass correlates), the input gradient scattered back with a padding
/// off by one, and the bias gradient taken from dy past the normalisation.
/// </para>
/// <para>
/// The normalisation subtracts each channel's mean, so b cancels out of J: its gradient is 0 by
/// construction, and the hand-written gradient says so with an exact 0 (b is declared in
/// <see cref="SmallGradientTensors"/>). A check must pass that 0 against a numerical gradient made of
/// the cost's rounding, and fail the bias gradient taken past the normalisation without reading a factor
/// into that rounding. The problem is smooth: no kinks.
/// </para>
/// </remarks>
public sealed class Convolution2DBatchNorm<T> : ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Batch = 2;
    private const int InputChannels = 2;
    private const int OutputChannels = 3;
    private const int Height = 3;
    private const int Width = 3;
    private const int Taps = 3;
    private const int Padding = 1;
    private const double Epsilon = 1e-5;

    private readonly T[,,,] target;
    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public Convolution2DBatchNorm(int seed)
        : base("conv2d-batchnorm", seed)
    {
        var random = new Gaussian(seed);
        AddParameter("x", random.Matrix<T>(Batch * InputChannels, Height * Width, 1.0));
        AddParameter("K", random.Matrix<T>(OutputChannels * InputChannels, Taps * Taps, Math.Sqrt(2.0 / (Taps * Taps * InputChannels))));
        AddParameter("b", random.Matrix<T>(1, OutputChannels, 0.5));
        AddParameter("gamma", random.Matrix<T>(OutputChannels, 1, 0.1, mean: 1.0));
        AddParameter("beta", random.Matrix<T>(OutputChannels, 1, 0.1));

        // The target is the output at the point as built plus N(0, 0.5²): residuals of order 0.5 keep
        // every tensor's gradient a resolvable share of the cost.
        (T[,,,] y, _, _) = Forward();
        target = new T[Batch, OutputChannels, Height, Width];
        ForEach((n, o, h, w) => target[n, o, h, w] = y[n, o, h, w] + T.CreateTruncating(0.5 * random.Next()));

        semanticBugs =
        [
            new("convolution kernel rotated 180° in the kernel gradient", () => Backward(Mistake.KernelRotated)),
            new("padding off by one in the input gradient", () => Backward(Mistake.PaddingOffByOne)),
            new("bias gradient taken from dy past the batch normalisation", () => Backward(Mistake.BiasPastNormalisation)),
        ];
    }

    private enum Mistake
    {
        None,
        KernelRotated,
        PaddingOffByOne,
        BiasPastNormalisation,
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override IReadOnlyCollection<string> SmallGradientTensors => ["b"];

    /// <inheritdoc />
    public override T Cost()
    {
        (T[,,,] y, _, _) = Forward();
        T sum = T.Zero;
        ForEach((n, o, h, w) =>
        {
            T residual = y[n, o, h, w] - target[n, o, h, w];
            sum += residual * residual;
        });
        return sum / T.CreateTruncating(2);
    }

    /// <inheritdoc />
    public override Dictionary<string, T[,]> Gradient() => Backward(Mistake.None);

    /// <summary>y, x̂ and 1/σ per channel at the current parameters.</summary>
    private (T[,,,] Output, T[,,,] Normalized, T[] InverseDeviation) Forward()
    {
        T[,] x = Parameter("x");
        T[,] kernel = Parameter("K");
        T[,] bias = Parameter("b");
        T[,] gamma = Parameter("gamma");
        T[,] beta = Parameter("beta");
        var z = new T[Batch, OutputChannels, Height, Width];
        ForEach((n, o, h, w) =>
        {
            T sum = bias[0, o];
            for (int c = 0; c < InputChannels; c++)
            {
                for (int p = 0; p < Taps; p++)
                {
                    for (int q = 0; q < Taps; q++)
                    {
                        sum += kernel[(o * InputChannels) + c, (p * Taps) + q] * Read(x, n, c, h + p - Padding, w + q - Padding);
                    }
                }
            }

            z[n, o, h, w] = sum;
        });

        var normalized = new T[Batch, OutputChannels, Height, Width];
        var y = new T[Batch, OutputChannels, Height, Width];
        var inverseDeviation = new T[OutputChannels];
        T count = T.CreateTruncating(Batch * Height * Width);
        for (int o = 0; o < OutputChannels; o++)
        {
            T mean = ChannelSum(z, o, value => value) / count;
            T variance = ChannelSum(z, o, value => (value - mean) * (value - mean)) / count;
            inverseDeviation[o] = T.One / T.Sqrt(variance + T.CreateTruncating(Epsilon));
            int channel = o;
            ForEachOfChannel((n, h, w) =>
            {
                normalized[n, channel, h, w] = (z[n, channel, h, w] - mean) * inverseDeviation[channel];
                y[n, channel, h, w] = (gamma[channel, 0] * normalized[n, channel, h, w]) + beta[channel, 0];
            });
        }

        return (y, normalized, inverseDeviation);
    }

    private Dictionary<string, T[,]> Backward(Mistake mistake)
    {
        T[,] x = Parameter("x");
        T[,] kernel = Parameter("K");
        T[,] gamma = Parameter("gamma");
        (T[,,,] y, T[,,,] normalized, T[] inverseDeviation) = Forward();
        T count = T.CreateTruncating(Batch * Height * Width);

        // Batch normalisation: dz = γ/σ (dy - mean(dy) - x̂ mean(dy x̂)) per channel, dy = y - r.
        var dz = new T[Batch, OutputChannels, Height, Width];
        var dgamma = new T[OutputChannels, 1];
        var dbeta = new T[OutputChannels, 1];
        var dbias = new T[1, OutputChannels];
        for (int o = 0; o < OutputChannels; o++)
        {
            int channel = o;
            T sumDy = T.Zero;
            T sumDyNormalized = T.Zero;
            ForEachOfChannel((n, h, w) =>
            {
                T dy = y[n, channel, h, w] - target[n, channel, h, w];
                sumDy += dy;
                sumDyNormalized += dy * normalized[n, channel, h, w];
            });
            dgamma[o, 0] = sumDyNormalized;
            dbeta[o, 0] = sumDy;
            ForEachOfChannel((n, h, w) =>
            {
                T dy = y[n, channel, h, w] - target[n, channel, h, w];
                dz[n, channel, h, w] = gamma[channel, 0] * inverseDeviation[channel] * (dy - (sumDy / count) - (normalized[n, channel, h, w] * sumDyNormalized / count));
            });

            // Σ dz over the channel is 0 exactly in real arithmetic: the normalisation cancels b.
            dbias[0, o] = mistake == Mistake.BiasPastNormalisation ? sumDy : T.Zero;
        }

        var dkernel = new T[OutputChannels * InputChannels, Taps * Taps];
        var dx = new T[Batch * InputChannels, Height * Width];
        int kernelTap(int tap) => mistake == Mistake.KernelRotated ? Taps - 1 - tap : tap;
        int inputPadding = mistake == Mistake.PaddingOffByOne ? Padding + 1 : Padding;
        ForEach((n, o, h, w) =>
        {
            for (int c = 0; c < InputChannels; c++)
            {
                for (int p = 0; p < Taps; p++)
                {
                    for (int q = 0; q < Taps; q++)
                    {
                        // z[n,o,h,w] reads x[n,c,h+p-1,w+q-1] through K[o,c,p,q]: each product sends dz both ways.
                        dkernel[(o * InputChannels) + c, (p * Taps) + q] += dz[n, o, h, w] * Read(x, n, c, h + kernelTap(p) - Padding, w + kernelTap(q) - Padding);
                        int row = h + p - inputPadding;
                        int column = w + q - inputPadding;
                        if (row >= 0 && row < Height && column >= 0 && column < Width)
                        {
                            dx[(n * InputChannels) + c, (row * Width) + column] += dz[n, o, h, w] * kernel[(o * InputChannels) + c, (p * Taps) + q];
                        }
                    }
                }
            }
        });

        return new Dictionary<string, T[,]>(StringComparer.Ordinal) { ["x"] = dx, ["K"] = dkernel, ["b"] = dbias, ["gamma"] = dgamma, ["beta"] = dbeta };
    }

    /// <summary>x[n, c, row, column], or 0 in the padding.</summary>
    private static T Read(T[,] x, int n, int c, int row, int column) =>
        row >= 0 && row < Height && column >= 0 && column < Width ? x[(n * InputChannels) + c, (row * Width) + column] : T.Zero;

    private static T ChannelSum(T[,,,] values, int channel, Func<T, T> term)
    {
        T sum = T.Zero;
        ForEachOfChannel((n, h, w) => sum += term(values[n, channel, h, w]));
        return sum;
    }

    private static void ForEach(Action<int, int, int, int> action)
    {
        for (int o = 0; o < OutputChannels; o++)
        {
            int channel = o;
            ForEachOfChannel((n, h, w) => action(n, channel, h, w));
        }
    }

    private static void ForEachOfChannel(Action<int, int, int> action)
    {
        for (int n = 0; n < Batch; n++)
        {
            for (int h = 0; h < Height; h++)
            {
                for (int w = 0; w < Width; w++)
                {
                    action(n, h, w);
                }
            }
        }
    }
}
