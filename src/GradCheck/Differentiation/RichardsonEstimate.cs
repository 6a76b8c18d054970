namespace GradCheck.Differentiation;

/// <summary>
/// The mathematics of one entry: from the function's values on the stencil (the centre, ±h, ±2h and,
/// where they were evaluated, ±4h), the derivative estimate, its error estimate, the one-sided
/// derivatives and the kink test. Every number is a <see cref="DifferenceRule"/> applied to the points
/// as evaluated. The gradient sweep calls it once per entry; the Jacobian and Hessian-vector product
/// checks once per output for every perturbed input, so all read the same numbers the same way.
/// </summary>
/// <remarks>
/// <para>
/// The estimate is the five-point rule R(h), Richardson's extrapolation of the central differences at
/// h and 2h, accurate to O(h⁴). Its error has two parts. Truncation: with the outer points, the same
/// rule at 2h has sixteen times its truncation error, so |R(h) - R(2h)| bounds it with a margin of about
/// 15 (as in Romberg integration); from the inner points alone, |D(h) - D(2h)| / 3 is the truncation of
/// the central difference D(h), which bounds that of R(h) by far wherever the step is in the
/// asymptotic range. Noise: the rule's weights applied to the noise of each value (<see cref="CostNoise"/>).
/// </para>
/// <para>
/// Kinks: second-order one-sided rules give the derivative from the left, L, and from the right, R,
/// at h and at 2h. For a smooth cost both equal J' - h²J'''/3 + O(h³), so R - L is O(h³) and grows
/// 8-fold when h doubles; across a kink R - L is a fraction of the jump in slope that does not shrink
/// with h. R - L at h is also the fourth difference of the five inner values, which for a smooth cost is
/// h⁴ J'''' plus noise: it is where the noise is measured (<see cref="NoiseSample"/>), and where it
/// stands far above the noise, a kink is suspected and the outer points decide. An entry is a kink
/// when the two widths' R - L, each known to within its noise, cannot stand in the ratio a smooth cost
/// gives them. There the derivative at x is one of the one-sided ones (or, exactly at the kink, any value
/// between them is a subgradient), so the interval they span is what the analytic value is held to.
/// (Chainer's check_backward makes the same left/right test by fitting polynomials on either side.)
/// </para>
/// </remarks>
internal static class RichardsonEstimate
{
    /// <summary>
    /// The band of (R - L at 2h) / (R - L at h) a smooth cost stays in: 8 in the limit, widened by
    /// half of it either way for the next terms of the expansion.
    /// </summary>
    public const double SmoothRatioLow = 4.0;

    /// <inheritdoc cref="SmoothRatioLow"/>
    public const double SmoothRatioHigh = 16.0;

    /// <summary>
    /// Writes entry <paramref name="index"/> of <paramref name="into"/> from the whole stencil, outer points
    /// included: the estimate, its error from |R(h) - R(2h)| and the noise, and the kink test at two widths.
    /// </summary>
    /// <param name="points">Where the points are, as rounded, in double; the widths come from these, not from nominal multiples of h.</param>
    /// <param name="values">The function there, in double; <see cref="Stencil.Center"/> must be finite.</param>
    /// <param name="noise">The noise of each value.</param>
    /// <param name="into">Where the estimate goes.</param>
    /// <param name="index">The entry's index in <paramref name="into"/>.</param>
    /// <returns>The part of the error estimate that is noise; the rest is truncation.</returns>
    public static double Write(in Stencil points, in Stencil values, in CostNoise noise, NumericalGradient into, int index)
    {
        double r1 = Apply(DifferenceRule.FivePoint, points, values, noise, out double r1Noise);
        double r2 = Apply(DifferenceRule.FivePointWide, points, values, noise, out _);

        // A value that is not finite anywhere in the stencil leaves nothing to trust: n is NaN, and the
        // entry fails as "cost not finite at a perturbed point", never on a NaN bound. Each value is
        // tested on its own: the sum of six finite values above a sixth of the largest one overflows.
        bool finite = double.IsFinite(values.PlusH) && double.IsFinite(values.MinusH) && double.IsFinite(values.Plus2H)
            && double.IsFinite(values.Minus2H) && double.IsFinite(values.Plus4H) && double.IsFinite(values.Minus4H);
        double value = finite ? r1 : double.NaN;

        double left = Apply(DifferenceRule.Left, points, values, noise, out double leftNoise, forKinkTest: true);
        double right = Apply(DifferenceRule.Right, points, values, noise, out double rightNoise, forKinkTest: true);
        double leftWide = Apply(DifferenceRule.LeftWide, points, values, noise, out double leftWideNoise, forKinkTest: true);
        double rightWide = Apply(DifferenceRule.RightWide, points, values, noise, out double rightWideNoise, forKinkTest: true);
        double jump = Math.Abs(right - left);
        double jumpWide = Math.Abs(rightWide - leftWide);

        // The centre is shared by both sides, so its noise enters R - L with the sum of both weights;
        // counting each side's noise apart bounds that from above.
        double jumpNoise = leftNoise + rightNoise;
        double jumpWideNoise = leftWideNoise + rightWideNoise;

        // Smooth: jumpWide is about 8 jump. A kink within 2h makes jump about as large as jumpWide;
        // one between 2h and 4h shows in jumpWide alone. Each jump is known only to within its noise,
        // so an entry is a kink only when no pair of values inside those margins fits the smooth band.
        double margin = noise.KinkSignificance;
        double jumpLow = Math.Max(0, jump - (margin * jumpNoise));
        double jumpHigh = jump + (margin * jumpNoise);
        double wideLow = Math.Max(0, jumpWide - (margin * jumpWideNoise));
        double wideHigh = jumpWide + (margin * jumpWideNoise);
        bool isKink = wideHigh < SmoothRatioLow * jumpLow || wideLow > SmoothRatioHigh * jumpHigh;

        // The interval also holds n: where noise fakes a kink on a smooth cost, n is still right.
        double low = Math.Min(Math.Min(Math.Min(left, right), Math.Min(leftWide, rightWide)), r1);
        double high = Math.Max(Math.Max(Math.Max(left, right), Math.Max(leftWide, rightWide)), r1);
        if (isKink)
        {
            // Across a kink the central estimates mix both slopes and |R(1) - R(2)| measures the
            // jump, not an error; what is uncertain is the one-sided derivatives themselves: their
            // noise, and their truncation (h² times a third of the third derivative): a third of how
            // they move from h to 2h.
            double truncation = Math.Max(Math.Abs(left - leftWide), Math.Abs(right - rightWide)) / 3;
            into.Write(index, new NumericalEstimate(value, (noise.ErrorCoverage * (jumpNoise + jumpWideNoise)) + truncation, low, high, IsKink: true));
            return noise.ErrorCoverage * (jumpNoise + jumpWideNoise);
        }

        into.Write(index, new NumericalEstimate(value, Math.Abs(r1 - r2) + (noise.ErrorCoverage * r1Noise), low, high, IsKink: false));
        return noise.ErrorCoverage * r1Noise;
    }

    /// <summary>
    /// Writes entry <paramref name="index"/> of <paramref name="into"/> from the inner points alone (the
    /// centre, ±h, ±2h): the five-point estimate with the truncation of D(h) as its error. Returns whether
    /// a kink is suspected, that is whether R - L stands above its noise; then, as when the verdict is
    /// otherwise open, the outer points must be evaluated and <see cref="Write"/> decides.
    /// </summary>
    /// <param name="points">Where the points are, as rounded, in double; the outer ones are not read.</param>
    /// <param name="values">The function there; the outer ones are not read.</param>
    /// <param name="noise">The noise of each value.</param>
    /// <param name="into">Where the estimate goes.</param>
    /// <param name="index">The entry's index in <paramref name="into"/>.</param>
    /// <returns>Whether the one-sided derivatives differ by more than the noise allows.</returns>
    public static bool WriteInner(in Stencil points, in Stencil values, in CostNoise noise, NumericalGradient into, int index)
    {
        double r1 = Apply(DifferenceRule.FivePoint, points, values, noise, out double r1Noise);
        double d1 = Apply(DifferenceRule.Central, points, values, noise, out _);
        double d2 = Apply(DifferenceRule.CentralWide, points, values, noise, out _);
        bool finite = double.IsFinite(values.PlusH) && double.IsFinite(values.MinusH) && double.IsFinite(values.Plus2H) && double.IsFinite(values.Minus2H);
        into.Write(index, new NumericalEstimate(finite ? r1 : double.NaN, (Math.Abs(d1 - d2) / 3) + (noise.ErrorCoverage * r1Noise), Low: double.NaN, High: double.NaN, IsKink: false));

        double left = Apply(DifferenceRule.Left, points, values, noise, out double leftNoise, forKinkTest: true);
        double right = Apply(DifferenceRule.Right, points, values, noise, out double rightNoise, forKinkTest: true);
        return !finite || Math.Abs(right - left) > noise.KinkSignificance * (leftNoise + rightNoise);
    }

    /// <summary>
    /// One sample of the noise of the values, from the inner points: the fourth difference of the five
    /// values divided by the root-sum-square of its weights (Moré and Wild's ECnoise measures noise from
    /// such high-order differences). For a smooth cost it is the noise's standard deviation times a
    /// standard normal draw, plus h⁴ J''''; across a kink it is the kink. <see cref="NoiseLevel"/> pools
    /// the samples of many entries robustly. NaN when a value is not finite.
    /// </summary>
    /// <param name="points">Where the points are, as rounded, in double.</param>
    /// <param name="values">The function there.</param>
    public static double NoiseSample(in Stencil points, in Stencil values)
    {
        DifferenceRule rule = DifferenceRule.FourthDifference;
        Span<double> weights = stackalloc double[rule.Grid.Length];
        WeightsAt(rule, points, weights);
        ReadOnlySpan<int> grid = rule.Grid.AsSpan();

        // Weights and values on the unit scale first, so that neither a small step's large weights nor
        // values near the largest finite one overflow.
        double largest = 0;
        double squares = 0;
        for (int i = 0; i < grid.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(values.At(grid[i])));
            squares += weights[i] * weights[i] / (weights[0] * weights[0]);
        }

        if (largest == 0 || !double.IsFinite(largest))
        {
            return largest == 0 ? 0 : double.NaN;
        }

        double sum = 0;
        for (int i = 0; i < grid.Length; i++)
        {
            sum += weights[i] / weights[0] * (values.At(grid[i]) / largest);
        }

        return Math.Abs(sum) / Math.Sqrt(squares) * largest;
    }

    /// <summary>
    /// Whether the inner values bend at x alone: the curvature across x is
    /// <see cref="KinkShape"/> times that on either side of it or more. Each side of a kink at x is
    /// smooth, a smooth cost bends the same on all three, and noise bends at random; a noise sample of
    /// that shape is a kink, and pooled with the noise it would make every kink look like noise in a
    /// tensor whose entries all sit on kinks (zero-initialised weights).
    /// </summary>
    /// <param name="points">Where the points are, as rounded, in double.</param>
    /// <param name="values">The function there.</param>
    public static bool BendsAtTheCentreAlone(in Stencil points, in Stencil values)
    {
        CostNoise none = default;
        double across = Math.Abs(Apply(DifferenceRule.CurvatureAcross, points, values, none, out _));
        double left = Math.Abs(Apply(DifferenceRule.CurvatureLeft, points, values, none, out _));
        double right = Math.Abs(Apply(DifferenceRule.CurvatureRight, points, values, none, out _));
        return across > KinkShape * Math.Max(left, right);
    }

    /// <summary>How many times the curvature on either side the curvature across x must be for <see cref="BendsAtTheCentreAlone"/>.</summary>
    public const double KinkShape = 4.0;

    /// <summary>The weights of <paramref name="rule"/> for the stencil's points as they were evaluated, offsets taken from the centre.</summary>
    private static void WeightsAt(DifferenceRule rule, in Stencil points, Span<double> weights)
    {
        Span<double> offsets = stackalloc double[rule.Grid.Length];
        for (int i = 0; i < offsets.Length; i++)
        {
            offsets[i] = points.At(rule.Grid[i]) - points.Center;
        }

        rule.Weights(offsets, weights);
    }

    /// <summary>A rule applied to a stencil: Σ w_k f_k, and its noise Σ |w_k| noise(f_k).</summary>
    internal static double Apply(DifferenceRule rule, in Stencil points, in Stencil values, in CostNoise noise, out double noiseOfEstimate, bool forKinkTest = false)
    {
        int n = rule.Grid.Length;
        Span<double> weights = stackalloc double[n];
        WeightsAt(rule, points, weights);

        // Differences from the centre, exact for nearby values (Sterbenz), since the weights of a
        // derivative sum to 0: a cost that does not move gives exactly 0, and no digits of J are lost.
        // Then on the unit scale, so that a cost near the largest finite value does not overflow when
        // multiplied by a small step's large weights; the result scales back unless it is itself
        // beyond the largest finite value.
        double center = values.Center;
        double largest = 0;
        for (int i = 0; i < n; i++)
        {
            largest = Math.Max(largest, Math.Abs(values.At(rule.Grid[i]) - center));
        }

        double unit = largest > 0 && double.IsFinite(largest) ? largest : 1;
        double sum = 0;
        noiseOfEstimate = 0;
        for (int i = 0; i < n; i++)
        {
            double value = values.At(rule.Grid[i]);
            sum += weights[i] * ((value - center) / unit);

            // Scaled before they are added, so that values near the largest finite one do not overflow
            // the noise to infinity (which would pass any analytic value).
            noiseOfEstimate += Math.Abs(weights[i]) * (forKinkTest ? noise.ForKinkTest(value) : noise.Of(value));
        }

        return sum * unit;
    }
}
