using System.Numerics;

namespace GradCheck.Differentiation;

/// <summary>
/// A derivative along a direction d, d/dt F(x + t d) at t = 0, taken the one way every directional
/// check takes it (the fast check's directions and their bisection over a tensor, the Hessian-vector
/// product along v): the points x + t d for t at the rule's multiples of h, rounded to the element
/// type with their deviation from the line known exactly, and the rule applied to the values there.
/// </summary>
internal static class DirectionalStencil
{
    /// <summary>The multiples of h the rule evaluates at: ±1 for the two-point rule, ±1, ±2, ±4 for Richardson.</summary>
    /// <param name="method">The difference rule.</param>
    public static ReadOnlySpan<int> Multiples(DifferenceMethod method) =>
        method == DifferenceMethod.CentralTwoPoint ? Stencil.Multiples[..2] : Stencil.Multiples;

    /// <summary>
    /// Writes x[k] + t d[k], rounded to <typeparamref name="T"/>, into <paramref name="point"/> for each k,
    /// and its deviation from x[k] + t d[k] into <paramref name="deviation"/>, exact to a rounding of the
    /// deviation itself: p - x by an error-free sum (Knuth's TwoSum), then minus t d with a single
    /// rounding (a fused multiply-add).
    /// </summary>
    /// <param name="x">The point, in double (exact: it came from <typeparamref name="T"/>).</param>
    /// <param name="d">The direction, in double.</param>
    /// <param name="t">How far along d.</param>
    /// <param name="point">Where the rounded point goes.</param>
    /// <param name="deviation">Where each coordinate's deviation from the line goes.</param>
    public static void Point<T>(ReadOnlySpan<double> x, ReadOnlySpan<double> d, double t, Span<T> point, Span<double> deviation)
        where T : IFloatingPointIeee754<T>
    {
        for (int k = 0; k < x.Length; k++)
        {
            point[k] = Point<T>(x[k], d[k], t, out deviation[k]);
        }
    }

    /// <summary>One coordinate of <see cref="Point{T}(ReadOnlySpan{double}, ReadOnlySpan{double}, double, Span{T}, Span{double})"/>, for a caller that holds no arrays of them.</summary>
    public static T Point<T>(double x, double d, double t, out double deviation)
        where T : IFloatingPointIeee754<T>
    {
        T point = T.CreateTruncating(x + (t * d));
        double p = double.CreateTruncating(point);
        double sum = p - x;
        double back = sum - p;
        double sumError = (p - (sum - back)) + (-x - back);
        deviation = Math.FusedMultiplyAdd(-t, d, sum) + sumError;
        return point;
    }

    /// <summary>
    /// Writes the estimate of the derivative along the direction, with its error estimate and (for
    /// Richardson) its kink test, into entry <paramref name="index"/> of <paramref name="into"/>.
    /// </summary>
    /// <param name="method">The difference rule.</param>
    /// <param name="h">The step along the direction.</param>
    /// <param name="centre">The value at t = 0.</param>
    /// <param name="values">The values at t = <see cref="Multiples"/> times h, in that order.</param>
    /// <param name="roundOffPerUnit">The round-off of one value per unit of its magnitude (ulps times ε).</param>
    /// <param name="magnitudeFloor">The least magnitude a value is taken to round at.</param>
    /// <param name="into">Where the estimate goes.</param>
    /// <param name="index">Which entry.</param>
    public static void Estimate(DifferenceMethod method, double h, double centre, ReadOnlySpan<double> values, double roundOffPerUnit, double magnitudeFloor, NumericalGradient into, int index)
    {
        if (method == DifferenceMethod.CentralTwoPoint)
        {
            CentralEstimate.Write(2 * h, values[0], values[1], roundOffPerUnit, into, index, magnitudeFloor);
            return;
        }

        var at = new Stencil(0, h, -h, 2 * h, -2 * h, 4 * h, -4 * h);
        RichardsonEstimate.Write(at, Stencil.Of(centre, values), CostNoise.Ulps(roundOffPerUnit, magnitudeFloor), into, index);
    }
}
