using NUnit.Framework;

namespace GradCheck.NUnit.Samples;

/// <summary>The failure message of the dot-product (adjoint) test, with its passing twin.</summary>
public sealed partial class MessageScenarios
{
    private static readonly double[] Kernel = [0.5, -1.25, 2.0];

    [Test]
    public void Adjoint_with_a_flipped_kernel_wrong() => ConvolutionAdjoint(flipped: true);

    [Test]
    public void Adjoint_with_a_flipped_kernel_right() => ConvolutionAdjoint(flipped: false);

    private static void ConvolutionAdjoint(bool flipped) =>
        Assert.That((Func<double[], double[]>)(y => Correlate(y, flipped)), Is.AdjointOf<double>(Convolve, inputLength: 10));

    /// <summary>y_i = Σ_j k_j x_(i+j): a valid convolution of 10 entries into 8.</summary>
    private static double[] Convolve(double[] x)
    {
        var y = new double[x.Length - Kernel.Length + 1];
        for (int i = 0; i < y.Length; i++)
        {
            for (int j = 0; j < Kernel.Length; j++)
            {
                y[i] += Kernel[j] * x[i + j];
            }
        }

        return y;
    }

    /// <summary>Its adjoint x_(i+j) += k_j y_i; flipped, the kernel is read backwards.</summary>
    private static double[] Correlate(double[] y, bool flipped)
    {
        var x = new double[y.Length + Kernel.Length - 1];
        for (int i = 0; i < y.Length; i++)
        {
            for (int j = 0; j < Kernel.Length; j++)
            {
                x[i + j] += Kernel[flipped ? Kernel.Length - 1 - j : j] * y[i];
            }
        }

        return x;
    }
}
