namespace GradCheck.Differentiation;

/// <summary>
/// The noise of the cost, measured: the standard deviation of what its evaluations add to a smooth
/// function, pooled from the noise samples of many entries (<see cref="RichardsonEstimate.NoiseSample"/>).
/// </summary>
/// <remarks>
/// <para>
/// Why measured. A cost that sums terms of both signs is as noisy as its terms, not as its value: the
/// derivative formulas of real operators wrapped as J = Σ w·op(θ) carried 60 to 270 ulps of |J|, so a
/// fixed number of ulps failed correct gradients; a plain float cost carries about 0.3 ulp, so the same
/// fixed number hid 1% mistakes in tensors with small gradients. Moré and Wild ("Estimating computational
/// noise", SIAM J. Sci. Comput. 33, 2011) measure noise from high-order differences of values along a
/// line, where a smooth function's contribution has vanished; the fourth difference of each entry's five
/// inner values is such a difference, and it costs no evaluation.
/// </para>
/// <para>
/// How pooled. One entry's sample is the noise times one normal draw (or a kink, or h⁴ J''''), so it is
/// pooled robustly, over the entries whose values are not all identical (an entry the cost does not
/// read has no noise at all and says nothing of the others), as two levels. The typical level, from
/// the median of |samples|, is what the kink test counts: a third of a tensor's entries on kinks (a
/// ReLU network on integer inputs) leaves it alone, where any higher quantile would take the kinks for
/// noise and stop seeing them. The upper level, from the upper quartile, is what error estimates
/// count: the noise differs from entry to entry (moving an entry that feeds the whole network changes
/// more rounded terms than moving one that feeds a single unit), and on a float ReLU network a quarter
/// of the entries carried three times the median; an entry's own sample counts for itself on top
/// (<see cref="EntryNoise.Of"/>). A sample whose values bend at the centre alone is a kink, not noise,
/// and stays out of the pool, and no sample counts for more than <see cref="MostUlps"/> ulps of its
/// values: zero-initialised layers put every entry of a tensor on kinks. A tensor takes its own
/// levels, never below those of the whole check (a tensor of a few entries has a median of few draws)
/// and never above <see cref="TensorExcess"/> times them. On top of the level, every value carries the
/// rounding of itself to the element type (<see cref="CostNoise.Measured"/>): a cost that is exact but
/// for that has a level of 0.
/// </para>
/// </remarks>
internal static class NoiseLevel
{
    /// <summary>The median of |z| for a standard normal z.</summary>
    public const double MedianOfAbsoluteNormal = 0.6744897501960817;

    /// <summary>The 75th percentile of |z| for a standard normal z.</summary>
    public const double UpperQuartileOfAbsoluteNormal = 1.1503493803760079;

    /// <summary>
    /// The most noise one evaluation is taken to carry, in ulps of the largest |value| of its stencil:
    /// the noisiest costs measured (operators' derivative formulas wrapped as cancelling sums) carried
    /// up to 270. A larger sample is a kink or curvature, and is counted as this much, so that a check
    /// whose entries all sit on kinks does not take its kinks for noise.
    /// </summary>
    public const double MostUlps = 1024;

    /// <summary>One entry's sample, capped at <see cref="MostUlps"/> ulps of <paramref name="largest"/>.</summary>
    /// <param name="sample">The sample (<see cref="RichardsonEstimate.NoiseSample"/>).</param>
    /// <param name="largest">The largest |value| of the entry's stencil.</param>
    /// <param name="machineEpsilon">ε of the element type.</param>
    public static double Capped(double sample, double largest, double machineEpsilon) =>
        Math.Min(sample, MostUlps * machineEpsilon * largest);

    /// <summary>How many times the whole check's noise a tensor's own may be.</summary>
    public const double TensorExcess = 8.0;

    /// <summary>
    /// The standard deviation of normal draws whose magnitudes are <paramref name="samples"/>, from their
    /// median (typical) and from their upper quartile (upper); 0 when there are none.
    /// </summary>
    /// <param name="samples">|samples| of the entries the cost reads; sorted in place.</param>
    public static (double Typical, double Upper) Pooled(Span<double> samples)
    {
        if (samples.IsEmpty)
        {
            return (0, 0);
        }

        samples.Sort();
        double median = samples[(samples.Length - 1) / 2];
        double quartile = samples[(int)Math.Floor(0.75 * (samples.Length - 1))];
        return (median / MedianOfAbsoluteNormal, Math.Max(median / MedianOfAbsoluteNormal, quartile / UpperQuartileOfAbsoluteNormal));
    }

    /// <summary>A tensor's noise level from its own pooled level and the whole check's.</summary>
    /// <param name="tensor">The tensor's pooled level (<see cref="Pooled"/>).</param>
    /// <param name="check">The pooled level of every entry of the check.</param>
    public static double Of(double tensor, double check) =>
        Math.Max(check, Math.Min(tensor, TensorExcess * check));
}
