using System.Numerics;

namespace GradCheck.Examples.Models;

/// <summary>
/// Deterministic data sets for the example networks. Every call returns new arrays, so a test may
/// change them freely.
/// </summary>
public static class SeedData
{
    /// <summary>The side of the square image of <see cref="SyntheticCatImage{T}"/>, in pixels.</summary>
    public const int ImageSide = 64;

    /// <summary>The colour channels of <see cref="SyntheticCatImage{T}"/> (red, green, blue).</summary>
    public const int ImageChannels = 3;

    /// <summary>The length of a flattened image: 64 · 64 · 3 = 12288.</summary>
    public const int ImageLength = ImageSide * ImageSide * ImageChannels;

    private const int ThreeLayerSmallSeed = 1;
    private const int ThreeLayerSeededSeed = 3;

    /// <summary>Three examples for a [4, 5, 3, 1] network: standard normal inputs from a fixed seed.</summary>
    /// <typeparam name="T">The floating-point type.</typeparam>
    /// <returns>X of shape (4, 3) and Y of shape (1, 3) = [1, 0, 1].</returns>
    public static (T[,] X, T[,] Y) ThreeLayerSmall<T>()
        where T : IFloatingPointIeee754<T> =>
        (new SeededNormal(ThreeLayerSmallSeed).NextMatrix<T>(4, 3, 1.0), Labels<T>(1, 0, 1));

    /// <summary>Four examples for a [5, 6, 3, 1] network: standard normal inputs from a fixed seed.</summary>
    /// <typeparam name="T">The floating-point type.</typeparam>
    /// <returns>X of shape (5, 4) and Y of shape (1, 4) = [1, 1, 0, 0].</returns>
    public static (T[,] X, T[,] Y) ThreeLayerSeeded<T>()
        where T : IFloatingPointIeee754<T> =>
        (new SeededNormal(ThreeLayerSeededSeed).NextMatrix<T>(5, 4, 1.0), Labels<T>(1, 1, 0, 0));

    /// <summary>
    /// A synthetic 64 × 64 RGB "cat" image, labelled 1, standing in for the tutorial's photograph
    /// (which cannot be downloaded here) with the same shape, range and quantization.
    /// </summary>
    /// <remarks>
    /// The image is a smooth pattern (a warm elliptical blob for the cat, diagonal stripes for its fur,
    /// a cooler background) plus a little seeded noise. Each pixel is rounded to an integer in
    /// [0, 255] and divided by 255, as image data usually is, and the image is flattened channel-last
    /// like a NumPy (64, 64, 3) array reshaped to a column: entry <c>(row · 64 + column) · 3 + channel</c>.
    /// </remarks>
    /// <typeparam name="T">The floating-point type.</typeparam>
    /// <param name="seed">The seed of the noise; the pattern is the same for every seed.</param>
    /// <returns>X of shape (12288, 1) with entries in [0, 1], and Y of shape (1, 1) = [1].</returns>
    public static (T[,] X, T[,] Y) SyntheticCatImage<T>(int seed)
        where T : IFloatingPointIeee754<T>
    {
        var noise = new SeededNormal(seed);
        var x = new T[ImageLength, 1];

        // Base colour of the background and of the cat, and how strongly the stripes show, per channel.
        ReadOnlySpan<double> background = [0.35, 0.45, 0.60];
        ReadOnlySpan<double> fur = [0.85, 0.55, 0.25];
        ReadOnlySpan<double> stripeDepth = [0.20, 0.15, 0.08];
        const double NoiseLevels = 6.0; // standard deviation of the noise, in units of 1/255

        for (int row = 0; row < ImageSide; row++)
        {
            for (int column = 0; column < ImageSide; column++)
            {
                // Blob: a Gaussian ellipse slightly below and left of centre, 1 at its middle.
                double dy = (row - 36.0) / 18.0;
                double dx = (column - 30.0) / 22.0;
                double blob = Math.Exp(-0.5 * ((dx * dx) + (dy * dy)));

                // Stripes: a diagonal wave of period 9 pixels, only on the cat.
                double stripes = 0.5 + (0.5 * Math.Sin(2.0 * Math.PI * ((row + (0.5 * column)) / 9.0)));

                for (int channel = 0; channel < ImageChannels; channel++)
                {
                    double intensity = (background[channel] * (1.0 - blob))
                        + (fur[channel] * blob)
                        - (stripeDepth[channel] * blob * stripes);
                    double pixel = Math.Round((255.0 * intensity) + (NoiseLevels * noise.NextDouble()), MidpointRounding.ToEven);
                    pixel = Math.Clamp(pixel, 0.0, 255.0);
                    x[(((row * ImageSide) + column) * ImageChannels) + channel, 0] = T.CreateChecked(pixel / 255.0);
                }
            }
        }

        return (x, Labels<T>(1));
    }

    /// <summary>A (1, m) row of labels.</summary>
    private static T[,] Labels<T>(params ReadOnlySpan<int> labels)
        where T : IFloatingPointIeee754<T>
    {
        var y = new T[1, labels.Length];
        for (int j = 0; j < labels.Length; j++)
        {
            y[0, j] = T.CreateChecked(labels[j]);
        }

        return y;
    }
}
