using System.Numerics.Tensors;

namespace GradCheck.Comparison;

/// <summary>
/// The Euclidean norm without overflow or underflow: TensorPrimitives.Norm squares its inputs as they
/// are, so 1e200 overflows to infinity and 1e-200 underflows to 0. Dividing by the largest magnitude
/// first (as LAPACK's dnrm2 does) keeps every square in [0, 1].
/// </summary>
internal static class ScaledNorm
{
    /// <summary>||x||₂; NaN if x holds a NaN, infinity if it holds an infinity.</summary>
    /// <param name="x">The vector.</param>
    /// <param name="scratch">A buffer at least as long as <paramref name="x"/>, overwritten.</param>
    public static double Of(ReadOnlySpan<double> x, Span<double> scratch)
    {
        if (x.IsEmpty)
        {
            return 0;
        }

        double largest = Math.Abs(TensorPrimitives.MaxMagnitude(x));
        if (largest == 0 || !double.IsFinite(largest))
        {
            return largest;
        }

        Span<double> scaled = scratch[..x.Length];
        TensorPrimitives.Divide(x, largest, scaled);
        return TensorPrimitives.Norm<double>(scaled) * largest;
    }

    /// <summary>||x||₂ of a short vector, such as one norm per tensor (allocates its scratch).</summary>
    public static double Of(ReadOnlySpan<double> x) => Of(x, new double[x.Length]);

    /// <summary>
    /// The relative difference ||a - n|| / (||a|| + ||n||), the single figure of the usual gradient-check
    /// recipe; 0 when both gradients are exactly 0 (not 0/0). Halving every norm first keeps the sum in the denominator from overflowing.
    /// </summary>
    public static double RelativeDifference(double differenceNorm, double analyticNorm, double numericNorm)
    {
        double denominator = (analyticNorm / 2) + (numericNorm / 2);
        return denominator == 0 && differenceNorm == 0 ? 0 : differenceNorm / 2 / denominator;
    }
}
