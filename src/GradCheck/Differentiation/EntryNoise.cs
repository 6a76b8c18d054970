namespace GradCheck.Differentiation;

/// <summary>
/// One entry's share in the measured noise: the sample its inner values give the tensor's pool, and
/// the noise its own estimate then counts (<see cref="NoiseLevel"/> pools the samples).
/// </summary>
internal static class EntryNoise
{
    /// <summary>
    /// How many times the tensor's typical noise an entry's own sample may raise the noise its kink test
    /// counts: enough that the noisiest entries of a cancelling sum are not taken for kinks, little
    /// enough that a tensor whose entries all sit on kinks (where the samples are the kinks) still sees them.
    /// </summary>
    public const double KinkNoiseExcess = 4.0;

    /// <summary>
    /// The entry's noise sample for the pool, capped (<see cref="NoiseLevel.Capped"/>), or null when it
    /// has none to give: the cost does not read the entry here (its values are all J, no noise to see),
    /// a value is not finite, or the values bend at the centre alone, which is a kink, not noise.
    /// </summary>
    /// <param name="points">Where the inner points are, as rounded, in double.</param>
    /// <param name="values">The cost there.</param>
    /// <param name="machineEpsilon">ε of the element type.</param>
    public static double? Sample(in Stencil points, in Stencil values, double machineEpsilon)
    {
        if (values.PlusH == values.Center && values.MinusH == values.Center && values.Plus2H == values.Center && values.Minus2H == values.Center)
        {
            return null;
        }

        double sample = RichardsonEstimate.NoiseSample(points, values);
        if (!double.IsFinite(sample) || RichardsonEstimate.BendsAtTheCentreAlone(points, values))
        {
            return null;
        }

        double largest = Math.Max(
            Math.Max(Math.Abs(values.Center), Math.Max(Math.Abs(values.PlusH), Math.Abs(values.MinusH))),
            Math.Max(Math.Abs(values.Plus2H), Math.Abs(values.Minus2H)));
        return NoiseLevel.Capped(sample, largest, machineEpsilon);
    }

    /// <summary>
    /// One entry's noise, as its error estimate and its kink test count it: its own sample where that
    /// stands above the tensor's typical level (an entry whose moves change more rounded terms is
    /// noisier, and its noise must not pass for a kink), up to the tensor's upper level (a sample that
    /// large is a kink or curvature, not noise), and for the kink test up to <see cref="KinkNoiseExcess"/>
    /// times the typical level.
    /// </summary>
    /// <param name="tensor">The tensor's measured noise (<see cref="CostNoise.Measured"/>).</param>
    /// <param name="points">Where the entry's points are, as rounded, in double.</param>
    /// <param name="values">The cost there.</param>
    public static CostNoise Of(in CostNoise tensor, in Stencil points, in Stencil values)
    {
        double own = RichardsonEstimate.NoiseSample(points, values);
        double sigma = double.IsFinite(own) ? Math.Max(tensor.KinkAbsolute, Math.Min(own, tensor.Absolute)) : tensor.Absolute;
        double forKinks = Math.Min(sigma, KinkNoiseExcess * tensor.KinkAbsolute);
        return tensor with { Absolute = sigma, KinkAbsolute = forKinks };
    }
}
