namespace GradCheck.Differentiation;

/// <summary>
/// The mathematics of one entry of the Richardson rule: from the function's value at the centre and at
/// ±h, ±2h, ±4h, the derivative estimate, its error estimate, the one-sided derivatives and the kink
/// test. <see cref="RichardsonDifference"/> calls it once per parameter entry; the Jacobian check calls
/// it once per output for every perturbed input, so both read the same numbers the same way.
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
internal static class RichardsonEstimate
{
    /// <summary>Writes entry <paramref name="index"/> of <paramref name="into"/> from one stencil.</summary>
    /// <param name="points">Where the points are, as rounded, in double; the widths come from these, not from nominal multiples of h.</param>
    /// <param name="values">The function there, in double; <see cref="Stencil.Center"/> must be finite.</param>
    /// <param name="ulp">The round-off of one value relative to its magnitude: <see cref="RoundOff.Ulps"/> ε of the element type.</param>
    /// <param name="into">Where the estimate goes.</param>
    /// <param name="index">The entry's index in <paramref name="into"/>.</param>
    /// <param name="magnitudeFloor">
    /// The least magnitude at which a value is taken to round: 0 for a cost, whose round-off is that of
    /// |J|; for an output of a vector function, the size of the terms it sums, so that an output that is
    /// small only by cancellation is not credited with the round-off of its small value.
    /// </param>
    public static void Write(in Stencil points, in Stencil values, double ulp, NumericalGradient into, int index, double magnitudeFloor = 0)
    {
        double baseCost = values.Center;
        double jp1 = values.PlusH, jm1 = values.MinusH, jp2 = values.Plus2H, jm2 = values.Minus2H, jp4 = values.Plus4H, jm4 = values.Minus4H;

        // The magnitudes the round-off is counted on (with a floor of 0, exactly |J|).
        double j0 = Math.Max(Math.Abs(baseCost), magnitudeFloor);
        double ap1 = Math.Max(Math.Abs(jp1), magnitudeFloor), am1 = Math.Max(Math.Abs(jm1), magnitudeFloor);
        double ap2 = Math.Max(Math.Abs(jp2), magnitudeFloor), am2 = Math.Max(Math.Abs(jm2), magnitudeFloor);
        double ap4 = Math.Max(Math.Abs(jp4), magnitudeFloor), am4 = Math.Max(Math.Abs(jm4), magnitudeFloor);

        // The distances between the points as rounded, not the nominal multiples of h.
        double xd = points.Center;
        double w1 = points.PlusH - points.MinusH;
        double w2 = points.Plus2H - points.Minus2H;
        double w4 = points.Plus4H - points.Minus4H;
        double d1 = (jp1 - jm1) / w1;
        double d2 = (jp2 - jm2) / w2;
        double d4 = (jp4 - jm4) / w4;
        double r1 = d1 + ((d1 - d2) / 3);
        double r2 = d2 + ((d2 - d4) / 3);
        double h = w1 / 2;

        // A value that is not finite anywhere in the stencil leaves nothing to trust: n is NaN, and the
        // entry fails as "cost not finite at a perturbed point", never on a NaN bound. Each value is
        // tested on its own: the sum of six finite values above a sixth of the largest one overflows.
        bool finite = double.IsFinite(jp1) && double.IsFinite(jm1) && double.IsFinite(jp2) && double.IsFinite(jm2) && double.IsFinite(jp4) && double.IsFinite(jm4);
        into.Value[index] = finite ? r1 : double.NaN;

        // The magnitudes are scaled by the ulp before they are added, so that costs near the largest
        // finite value do not overflow the bound to infinity (which would pass any analytic value). The
        // ulp is a power of two, so scaling first gives the same bits as scaling the sum.
        into.Error[index] = Math.Abs(r1 - r2) + (((8 * ((ulp * ap1) + (ulp * am1))) + (ulp * ap2) + (ulp * am2)) / (12 * h));

        // One-sided derivatives at h and at 2h, from the left and from the right.
        double hRight = points.PlusH - xd;
        double hLeft = xd - points.MinusH;
        double left = ((3 * baseCost) - (4 * jm1) + jm2) / (2 * hLeft);
        double right = ((-3 * baseCost) + (4 * jp1) - jp2) / (2 * hRight);
        double leftWide = ((3 * baseCost) - (4 * jm2) + jm4) / (4 * hLeft);
        double rightWide = ((-3 * baseCost) + (4 * jp2) - jp4) / (4 * hRight);
        double noise = ((6 * (ulp * j0)) + (4 * ((ulp * ap1) + (ulp * am1))) + (ulp * ap2) + (ulp * am2)) / (2 * h);
        double noiseWide = ((6 * (ulp * j0)) + (4 * ((ulp * ap2) + (ulp * am2))) + (ulp * ap4) + (ulp * am4)) / (4 * h);
        double jump = Math.Abs(right - left);
        double jumpWide = Math.Abs(rightWide - leftWide);

        // Smooth: jumpWide is about 8 jump. A kink within 2h makes jump about as large as jumpWide;
        // one between 2h and 4h shows in jumpWide alone. Each jump is known only to within its
        // round-off, so an entry is a kink only when no pair of values inside those margins fits
        // the smooth band [4, 16] of the ratio.
        double jumpLow = Math.Max(0, jump - (RichardsonDifference.KinkSignificance * noise));
        double jumpHigh = jump + (RichardsonDifference.KinkSignificance * noise);
        double wideLow = Math.Max(0, jumpWide - (RichardsonDifference.KinkSignificance * noiseWide));
        double wideHigh = jumpWide + (RichardsonDifference.KinkSignificance * noiseWide);
        into.IsKink[index] = wideHigh < RichardsonDifference.SmoothRatioLow * jumpLow || wideLow > RichardsonDifference.SmoothRatioHigh * jumpHigh;
        // The interval also holds n: where round-off fakes a kink on a smooth cost, n is still right.
        into.Low[index] = Math.Min(Math.Min(Math.Min(left, right), Math.Min(leftWide, rightWide)), r1);
        into.High[index] = Math.Max(Math.Max(Math.Max(left, right), Math.Max(leftWide, rightWide)), r1);
        if (into.IsKink[index])
        {
            // Across a kink the central estimates mix both slopes and |R(1) - R(2)| measures the
            // jump, not an error; what is uncertain is the one-sided derivatives themselves: their
            // round-off, and their truncation (h² times a third of the third derivative): a third of how they move from h to 2h.
            double truncation = Math.Max(Math.Abs(left - leftWide), Math.Abs(right - rightWide)) / 3;
            into.Error[index] = noise + noiseWide + truncation;
        }
    }
}
