using System.Numerics;
using GradCheck.Parameters;

namespace GradCheck.Differentiation;

/// <summary>
/// Central differences at three widths combined by Richardson extrapolation, with an error estimate
/// and a kink test for every entry (see <see cref="DifferenceMethod.Richardson"/>).
/// </summary>
/// <remarks>
/// <para>
/// With D(k) = (J(x+kh) - J(x-kh)) / 2kh for k = 1, 2, 4, each D(k) = J' + c k²h² + O(h⁴), so
/// R(k) = D(k) + (D(k) - D(2k)) / 3 cancels the h² term and is accurate to O(h⁴): R(1) is the 5-point
/// stencil (J(x-2h) - 8J(x-h) + 8J(x+h) - J(x+2h)) / 12h. R(1) is the estimate; R(2), the same rule
/// at twice the width, has sixteen times its truncation error, so |R(1) - R(2)| bounds the truncation
/// error of R(1) with a margin of about 15 (Richardson, as in Romberg integration). The round-off of R(1)
/// is its coefficients' weighted sum of the cost's ulps.
/// </para>
/// <para>
/// Kinks: second-order one-sided rules give the derivative from the left, L = (3J(x) - 4J(x-h) + J(x-2h)) / 2h,
/// and from the right, R = (-3J(x) + 4J(x+h) - J(x+2h)) / 2h, and the same at 2h. For a smooth cost both
/// equal J' - h²J'''/3 + O(h³), so R - L is O(h³) and grows 8-fold when h doubles; across a kink R - L
/// is a fraction of the jump in slope that does not shrink with h. An entry is a kink when the two widths' R - L,
/// each known to within its round-off, cannot stand in the ratio a smooth cost gives them. There the
/// derivative at x is one of the one-sided ones (or, exactly at the kink, any value between them is a
/// subgradient), so the interval they span is what the analytic value is held to. (Chainer's
/// check_backward makes the same left/right test by fitting polynomials on either side.)
/// </para>
/// </remarks>
internal static class RichardsonDifference
{
    /// <summary>Cost evaluations per entry: x ± h, x ± 2h, x ± 4h (J(x) is shared by all entries).</summary>
    public const int EvaluationsPerEntry = 6;

    /// <summary>The widest point is x ± 4h.</summary>
    public const int WidestMultiple = 4;

    /// <summary>
    /// How many times its round-off estimate each R - L may be off when testing for a kink. The estimate
    /// counts <see cref="RoundOff.Ulps"/> of |J| per evaluation, which a cost summing many terms can
    /// exceed; with a margin of 1 the noise of a cost that is exactly quadratic along an entry (a linear
    /// output layer under squared error) was called a kink at about one entry in a hundred. A real kink's
    /// jump is a fraction of a change in slope and stands far above 4 times the round-off.
    /// </summary>
    public const double KinkSignificance = 4.0;

    /// <summary>
    /// The band of (R - L at 2h) / (R - L at h) a smooth cost stays in: 8 in the limit, widened by
    /// half of it either way for the next terms of the expansion.
    /// </summary>
    public const double SmoothRatioLow = 4.0;

    /// <inheritdoc cref="SmoothRatioLow"/>
    public const double SmoothRatioHigh = 16.0;

    /// <summary>Fills <paramref name="into"/> for every entry of <paramref name="tensor"/>.</summary>
    /// <param name="cost">The cost.</param>
    /// <param name="tensor">The parameter tensor, perturbed in place entry by entry.</param>
    /// <param name="baseCost">J at the unperturbed parameters.</param>
    /// <param name="into">Where the estimates go.</param>
    /// <returns>The number of cost evaluations made.</returns>
    public static long Differentiate<T>(Func<T> cost, NamedTensor<T> tensor, double baseCost, NumericalGradient into)
        where T : IFloatingPointIeee754<T>
    {
        Span<T> values = tensor.Storage.Span;
        var probe = new CostProbe<T>(cost, tensor, values);
        double relativeStep = StepSize.RelativeStep<T>(DifferenceMethod.Richardson);
        double ulp = RoundOff.Ulps * MachineEpsilon.Of<T>();
        double j0 = Math.Abs(baseCost);

        for (int i = 0; i < values.Length; i++)
        {
            T x = values[i];
            T p1 = StepSize.Offset(x, relativeStep, 1), m1 = StepSize.Offset(x, relativeStep, -1);
            T p2 = StepSize.Offset(x, relativeStep, 2), m2 = StepSize.Offset(x, relativeStep, -2);
            T p4 = StepSize.Offset(x, relativeStep, 4), m4 = StepSize.Offset(x, relativeStep, -4);
            double jp1, jm1, jp2, jm2, jp4, jm4;
            try
            {
                jp1 = probe.At(i, p1, 1);
                jm1 = probe.At(i, m1, -1);
                jp2 = probe.At(i, p2, 2);
                jm2 = probe.At(i, m2, -2);
                jp4 = probe.At(i, p4, 4);
                jm4 = probe.At(i, m4, -4);
            }
            finally
            {
                values[i] = x;
            }

            // The distances between the points as rounded, not the nominal multiples of h.
            double xd = double.CreateTruncating(x);
            double w1 = double.CreateTruncating(p1) - double.CreateTruncating(m1);
            double w2 = double.CreateTruncating(p2) - double.CreateTruncating(m2);
            double w4 = double.CreateTruncating(p4) - double.CreateTruncating(m4);
            double d1 = (jp1 - jm1) / w1;
            double d2 = (jp2 - jm2) / w2;
            double d4 = (jp4 - jm4) / w4;
            double r1 = d1 + ((d1 - d2) / 3);
            double r2 = d2 + ((d2 - d4) / 3);
            double h = w1 / 2;

            // A value that is not finite anywhere in the stencil leaves nothing to trust: n is NaN, and the
            // entry fails as "cost not finite at a perturbed point", never on a NaN bound.
            bool finite = double.IsFinite(jp1 + jm1 + jp2 + jm2 + jp4 + jm4);
            into.Value[i] = finite ? r1 : double.NaN;
            into.Error[i] = Math.Abs(r1 - r2) + (ulp * ((8 * (Math.Abs(jp1) + Math.Abs(jm1))) + Math.Abs(jp2) + Math.Abs(jm2)) / (12 * h));

            // One-sided derivatives at h and at 2h, from the left and from the right.
            double hRight = double.CreateTruncating(p1) - xd;
            double hLeft = xd - double.CreateTruncating(m1);
            double left = ((3 * baseCost) - (4 * jm1) + jm2) / (2 * hLeft);
            double right = ((-3 * baseCost) + (4 * jp1) - jp2) / (2 * hRight);
            double leftWide = ((3 * baseCost) - (4 * jm2) + jm4) / (4 * hLeft);
            double rightWide = ((-3 * baseCost) + (4 * jp2) - jp4) / (4 * hRight);
            double noise = ulp * ((6 * j0) + (4 * (Math.Abs(jp1) + Math.Abs(jm1))) + Math.Abs(jp2) + Math.Abs(jm2)) / (2 * h);
            double noiseWide = ulp * ((6 * j0) + (4 * (Math.Abs(jp2) + Math.Abs(jm2))) + Math.Abs(jp4) + Math.Abs(jm4)) / (4 * h);
            double jump = Math.Abs(right - left);
            double jumpWide = Math.Abs(rightWide - leftWide);

            // Smooth: jumpWide is about 8 jump. A kink within 2h makes jump about as large as jumpWide;
            // one between 2h and 4h shows in jumpWide alone. Each jump is known only to within its
            // round-off, so an entry is a kink only when no pair of values inside those margins fits
            // the smooth band [4, 16] of the ratio.
            double jumpLow = Math.Max(0, jump - (KinkSignificance * noise));
            double jumpHigh = jump + (KinkSignificance * noise);
            double wideLow = Math.Max(0, jumpWide - (KinkSignificance * noiseWide));
            double wideHigh = jumpWide + (KinkSignificance * noiseWide);
            into.IsKink[i] = wideHigh < SmoothRatioLow * jumpLow || wideLow > SmoothRatioHigh * jumpHigh;
            // The interval also holds n: where round-off fakes a kink on a smooth cost, n is still right.
            into.Low[i] = Math.Min(Math.Min(Math.Min(left, right), Math.Min(leftWide, rightWide)), r1);
            into.High[i] = Math.Max(Math.Max(Math.Max(left, right), Math.Max(leftWide, rightWide)), r1);
            if (into.IsKink[i])
            {
                // Across a kink the central estimates mix both slopes and |R(1) - R(2)| measures the
                // jump, not an error; what is uncertain is the one-sided derivatives themselves: their
                // round-off, and their truncation (h² times a third of the third derivative): a third of how they move from h to 2h.
                double truncation = Math.Max(Math.Abs(left - leftWide), Math.Abs(right - rightWide)) / 3;
                into.Error[i] = noise + noiseWide + truncation;
            }
        }

        return (long)values.Length * EvaluationsPerEntry;
    }
}
