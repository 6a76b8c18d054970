using System.Numerics;

namespace GradCheck.Examples.Models;

/// <summary>Which backward pass a <see cref="ConvolutionBatchNorm{T}"/> runs: the right one, or one of the drafts written on the way.</summary>
public enum ConvolutionBatchNormBackward
{
    /// <summary>The derivation in full.</summary>
    Correct,

    /// <summary>Not written yet: the backward pass throws <see cref="NotImplementedException"/>.</summary>
    NotWritten,

    /// <summary>dW read with the kernel's taps reversed (a convolution where the forward pass is a correlation): dW rotated 180°.</summary>
    KernelRotatedInWeightGradient,

    /// <summary>dx scattered back with a padding of 2 instead of 1: dx[.., i, j] holds the gradient of x[.., i+1, j+1].</summary>
    PaddingOffByOneInInputGradient,

    /// <summary>dW computed as (C_in, C_out, 3, 3), a framework's layout, and stored into the (C_out, C_in, 3, 3) tensor as it is.</summary>
    ChannelAxesSwappedInWeightGradient,

    /// <summary>db summed from dy, as if the normalisation were not there: the normalisation subtracts the mean, so J does not depend on b at all.</summary>
    BiasGradientPastTheNormalisation,
}

/// <summary>
/// A 3x3 convolution with padding 1 from C_in to C_out channels, with a bias, followed by batch
/// normalisation in training mode (statistics of the batch, per output channel, over the examples and
/// the pixels): <c>z = W ⋆ x + b</c>, <c>y = γ (z - μ) / σ + β</c>, <c>σ = sqrt(var + ε)</c>. The layer
/// the README's test-first story writes; x is (N, C_in, H, W), W is (C_out, C_in, 3, 3).
/// </summary>
/// <remarks>
/// The forward pass is a cross-correlation, as deep-learning libraries compute it:
/// <c>z[n,o,h,w] = b[o] + Σ_c Σ_p Σ_q W[o,c,p,q] x[n,c,h+p-1,w+q-1]</c>, with x read as 0 outside.
/// The bias is there on purpose: batch normalisation subtracts each channel's mean, so b cancels and
/// its gradient is 0 by construction; a correct backward pass gives 0 (up to rounding) and the check
/// must not read a factor into the noise of its numerical gradient.
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
public sealed class ConvolutionBatchNorm<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Taps = 3;
    private const int Padding = 1;

    private readonly ConvolutionBatchNormBackward backwardKind;
    private readonly T epsilon;
    private T[,,,] input = new T[0, 0, 0, 0];
    private T[,,,] normalized = new T[0, 0, 0, 0];
    private T[] inverseDeviation = [];

    /// <summary>A layer from <paramref name="inputChannels"/> to <paramref name="outputChannels"/> channels, W ~ N(0, 2 / (9 C_in)), b, γ - 1 and β ~ N(0, 0.1²) from <paramref name="seed"/>.</summary>
    /// <param name="inputChannels">C_in.</param>
    /// <param name="outputChannels">C_out.</param>
    /// <param name="seed">The seed of the parameters.</param>
    /// <param name="backward">Which backward pass to run.</param>
    /// <param name="epsilon">Added to the variance before the square root.</param>
    public ConvolutionBatchNorm(int inputChannels, int outputChannels, int seed, ConvolutionBatchNormBackward backward = ConvolutionBatchNormBackward.Correct, double epsilon = 1e-5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputChannels, 1);
        var normal = new SeededNormal(seed);
        double scale = Math.Sqrt(2.0 / (Taps * Taps * inputChannels));
        var weights = new T[outputChannels, inputChannels, Taps, Taps];
        foreach (int[] index in Indices(weights))
        {
            weights.SetValue(T.CreateTruncating(scale * normal.NextDouble()), index);
        }

        T[] Draw(double mean) => [.. Enumerable.Range(0, outputChannels).Select(_ => T.CreateTruncating(mean + (0.1 * normal.NextDouble())))];
        Parameters = new Dictionary<string, Array> { ["W"] = weights, ["b"] = Draw(0), ["gamma"] = Draw(1), ["beta"] = Draw(0) };
        Gradients = new Dictionary<string, Array>();
        backwardKind = backward;
        this.epsilon = T.CreateTruncating(epsilon);
    }

    /// <summary>W (C_out, C_in, 3, 3), b, γ and β (C_out), read by <see cref="Forward"/> on every call.</summary>
    public Dictionary<string, Array> Parameters { get; }

    /// <summary>dW, db, dγ and dβ, written by <see cref="Backward"/>.</summary>
    public Dictionary<string, Array> Gradients { get; }

    /// <summary>y (N, C_out, H, W) for x (N, C_in, H, W); keeps x, x̂ and 1/σ for the backward pass.</summary>
    /// <param name="x">The input.</param>
    public T[,,,] Forward(T[,,,] x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var weights = (T[,,,])Parameters["W"];
        var bias = (T[])Parameters["b"];
        var gamma = (T[])Parameters["gamma"];
        var beta = (T[])Parameters["beta"];
        (int batch, int inputChannels, int height, int width) = (x.GetLength(0), x.GetLength(1), x.GetLength(2), x.GetLength(3));
        int outputChannels = weights.GetLength(0);
        var z = new T[batch, outputChannels, height, width];
        for (int n = 0; n < batch; n++)
        {
            for (int o = 0; o < outputChannels; o++)
            {
                for (int h = 0; h < height; h++)
                {
                    for (int w = 0; w < width; w++)
                    {
                        T sum = bias[o];
                        for (int c = 0; c < inputChannels; c++)
                        {
                            for (int p = 0; p < Taps; p++)
                            {
                                for (int q = 0; q < Taps; q++)
                                {
                                    sum += weights[o, c, p, q] * Read(x, n, c, h + p - Padding, w + q - Padding);
                                }
                            }
                        }

                        z[n, o, h, w] = sum;
                    }
                }
            }
        }

        input = (T[,,,])x.Clone();
        normalized = new T[batch, outputChannels, height, width];
        inverseDeviation = new T[outputChannels];
        var y = new T[batch, outputChannels, height, width];
        T count = T.CreateTruncating(batch * height * width);
        for (int o = 0; o < outputChannels; o++)
        {
            T mean = Channel(z, o).Aggregate(T.Zero, (sum, value) => sum + value) / count;
            T variance = Channel(z, o).Aggregate(T.Zero, (sum, value) => sum + ((value - mean) * (value - mean))) / count;
            inverseDeviation[o] = T.One / T.Sqrt(variance + epsilon);
            ForEachOfChannel(z, o, (n, h, w) =>
            {
                normalized[n, o, h, w] = (z[n, o, h, w] - mean) * inverseDeviation[o];
                y[n, o, h, w] = (gamma[o] * normalized[n, o, h, w]) + beta[o];
            });
        }

        return y;
    }

    /// <summary>dx for dy after a forward pass; leaves dW, db, dγ and dβ in <see cref="Gradients"/>.</summary>
    /// <param name="dy">The gradient of the cost with respect to y.</param>
    public T[,,,] Backward(T[,,,] dy)
    {
        ArgumentNullException.ThrowIfNull(dy);
        if (backwardKind == ConvolutionBatchNormBackward.NotWritten)
        {
            throw new NotImplementedException("The backward pass is written after its test.");
        }

        var weights = (T[,,,])Parameters["W"];
        var gamma = (T[])Parameters["gamma"];
        (int batch, int outputChannels, int height, int width) = (dy.GetLength(0), dy.GetLength(1), dy.GetLength(2), dy.GetLength(3));
        int inputChannels = weights.GetLength(1);
        T count = T.CreateTruncating(batch * height * width);

        // Batch normalisation: dz = γ/σ (dy - mean(dy) - x̂ mean(dy x̂)), per channel over (n, h, w).
        var dz = new T[batch, outputChannels, height, width];
        var dgamma = new T[outputChannels];
        var dbeta = new T[outputChannels];
        var dbias = new T[outputChannels];
        for (int o = 0; o < outputChannels; o++)
        {
            T sumDy = T.Zero;
            T sumDyNormalized = T.Zero;
            ForEachOfChannel(dy, o, (n, h, w) =>
            {
                sumDy += dy[n, o, h, w];
                sumDyNormalized += dy[n, o, h, w] * normalized[n, o, h, w];
            });
            dgamma[o] = sumDyNormalized;
            dbeta[o] = sumDy;
            ForEachOfChannel(dy, o, (n, h, w) =>
                dz[n, o, h, w] = gamma[o] * inverseDeviation[o] * (dy[n, o, h, w] - (sumDy / count) - (normalized[n, o, h, w] * sumDyNormalized / count)));
            dbias[o] = backwardKind == ConvolutionBatchNormBackward.BiasGradientPastTheNormalisation
                ? sumDy
                : Channel(dz, o).Aggregate(T.Zero, (sum, value) => sum + value);
        }

        // The convolution: each product W[o,c,p,q] x[n,c,h+p-1,w+q-1] sends dz[n,o,h,w] both ways.
        var dweights = new T[outputChannels, inputChannels, Taps, Taps];
        var dx = new T[batch, inputChannels, height, width];
        int kernelTap(int tap) => backwardKind == ConvolutionBatchNormBackward.KernelRotatedInWeightGradient ? Taps - 1 - tap : tap;
        int inputPadding = backwardKind == ConvolutionBatchNormBackward.PaddingOffByOneInInputGradient ? Padding + 1 : Padding;
        for (int n = 0; n < batch; n++)
        {
            for (int o = 0; o < outputChannels; o++)
            {
                for (int h = 0; h < height; h++)
                {
                    for (int w = 0; w < width; w++)
                    {
                        for (int c = 0; c < inputChannels; c++)
                        {
                            for (int p = 0; p < Taps; p++)
                            {
                                for (int q = 0; q < Taps; q++)
                                {
                                    dweights[o, c, p, q] += dz[n, o, h, w] * Read(input, n, c, h + kernelTap(p) - Padding, w + kernelTap(q) - Padding);
                                    int row = h + p - inputPadding;
                                    int column = w + q - inputPadding;
                                    if (row >= 0 && row < height && column >= 0 && column < width)
                                    {
                                        dx[n, c, row, column] += dz[n, o, h, w] * weights[o, c, p, q];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        if (backwardKind == ConvolutionBatchNormBackward.ChannelAxesSwappedInWeightGradient)
        {
            dweights = StoredWithChannelAxesSwapped(dweights);
        }

        Gradients["dW"] = dweights;
        Gradients["db"] = dbias;
        Gradients["dgamma"] = dgamma;
        Gradients["dbeta"] = dbeta;
        return dx;
    }

    /// <summary>dW laid out as (C_in, C_out, 3, 3) and its entries poured, in that order, into a (C_out, C_in, 3, 3) tensor.</summary>
    private static T[,,,] StoredWithChannelAxesSwapped(T[,,,] dweights)
    {
        (int outputChannels, int inputChannels) = (dweights.GetLength(0), dweights.GetLength(1));
        var stored = new T[outputChannels, inputChannels, Taps, Taps];
        int flat = 0;
        for (int c = 0; c < inputChannels; c++)
        {
            for (int o = 0; o < outputChannels; o++)
            {
                for (int p = 0; p < Taps; p++)
                {
                    for (int q = 0; q < Taps; q++, flat++)
                    {
                        int column = flat / (Taps * Taps);
                        stored[column / inputChannels, column % inputChannels, p, q] = dweights[o, c, p, q];
                    }
                }
            }
        }

        return stored;
    }

    /// <summary>x[n, c, row, column], or 0 in the padding.</summary>
    private static T Read(T[,,,] x, int n, int c, int row, int column) =>
        row >= 0 && row < x.GetLength(2) && column >= 0 && column < x.GetLength(3) ? x[n, c, row, column] : T.Zero;

    private static IEnumerable<T> Channel(T[,,,] values, int channel)
    {
        for (int n = 0; n < values.GetLength(0); n++)
        {
            for (int h = 0; h < values.GetLength(2); h++)
            {
                for (int w = 0; w < values.GetLength(3); w++)
                {
                    yield return values[n, channel, h, w];
                }
            }
        }
    }

    private static void ForEachOfChannel(T[,,,] values, int channel, Action<int, int, int> action)
    {
        for (int n = 0; n < values.GetLength(0); n++)
        {
            for (int h = 0; h < values.GetLength(2); h++)
            {
                for (int w = 0; w < values.GetLength(3); w++)
                {
                    action(n, h, w);
                }
            }
        }
    }

    private static IEnumerable<int[]> Indices(Array array)
    {
        int[] index = new int[array.Rank];
        for (int flat = 0; flat < array.Length; flat++)
        {
            int rest = flat;
            for (int axis = array.Rank - 1; axis >= 0; axis--)
            {
                index[axis] = rest % array.GetLength(axis);
                rest /= array.GetLength(axis);
            }

            yield return index;
        }
    }
}
