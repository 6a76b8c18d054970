namespace GradCheck.Differentiation;

/// <summary>
/// How much noise each value of a stencil carries, and how many times that noise an estimate allows.
/// A value f carries <c>Absolute + PerUnit max(|f|, Floor)</c>; a rule with weights w then carries
/// <c>Σ |w_k| noise(f_k)</c>. Two models use it:
/// <list type="bullet">
/// <item><see cref="Measured"/>: the cost's own noise, measured from the fourth differences of the
/// stencils the check evaluates anyway (<see cref="NoiseLevel"/>). This is what a gradient check uses:
/// a cost that sums cancelling terms carries hundreds of ulps of |J|, a plain float cost a fraction of one.</item>
/// <item><see cref="Ulps"/>: a number of ulps of each value's magnitude, for the vector functions of the
/// Jacobian and Hessian-vector product checks, where each output is differentiated on its own and
/// there are no other entries to measure with.</item>
/// </list>
/// </summary>
/// <param name="Absolute">Noise of every value, in the cost's units, as the error estimates count it (the measured model).</param>
/// <param name="KinkAbsolute">Noise of every value as the kink test counts it (the measured model).</param>
/// <param name="PerUnit">Noise per unit of a value's magnitude (the ulp model).</param>
/// <param name="Floor">The least magnitude a value is taken to round at (the ulp model).</param>
/// <param name="ErrorCoverage">How many times its noise an estimate's error allows.</param>
/// <param name="KinkSignificance">How many times its noise a jump between one-sided derivatives must exceed to be a kink.</param>
internal readonly record struct CostNoise(double Absolute, double KinkAbsolute, double PerUnit, double Floor, double ErrorCoverage, double KinkSignificance)
{
    /// <summary>
    /// How many times the noise of the five-point estimate its error allows under the measured model.
    /// The noise is an rms (<see cref="NoiseLevel"/>) and the sum of |weights| is 1.6 times their
    /// root-sum-square, so with the pass rule's factor 2 an entry may be off by 6.3 standard deviations
    /// of its noise: for a correct gradient that happens once in 3e9 entries.
    /// </summary>
    public const double MeasuredErrorCoverage = 2.0;

    /// <summary>
    /// How many times its noise a jump between one-sided derivatives must exceed, under the measured
    /// model, to be taken for a kink: with the weights' sum 1.9 times their root-sum-square, 7.6
    /// standard deviations of the typical noise, which the noisiest quarter of entries exceeds. The ulp model, whose noise is a worst case, keeps its margin of
    /// <see cref="UlpKinkSignificance"/>.
    /// </summary>
    public const double MeasuredKinkSignificance = 4.0;

    /// <summary>
    /// The ulp model's kink margin. The estimate counts <see cref="RoundOff.Ulps"/> of the value per
    /// evaluation, which a function summing many terms can exceed; with a margin of 1 the noise of an
    /// output that is exactly quadratic along an entry was called a kink at about one entry in a hundred.
    /// </summary>
    public const double UlpKinkSignificance = 4.0;

    /// <summary>
    /// The measured model (<see cref="NoiseLevel"/>): error estimates count <paramref name="upper"/>, the
    /// noise that most entries do not exceed; the kink test counts <paramref name="typical"/>, which a
    /// tensor with many entries on kinks does not inflate. Both are standard deviations, in the cost's
    /// units. On top, each value carries its own rounding to the element type, at most half an ulp,
    /// ε |f| / 2: a value far from J (a cost that crosses 0 at the given point) rounds at its own scale.
    /// </summary>
    /// <param name="typical">The typical level.</param>
    /// <param name="upper">The upper level.</param>
    /// <param name="machineEpsilon">ε of the element type.</param>
    public static CostNoise Measured(double typical, double upper, double machineEpsilon) =>
        new(upper, typical, machineEpsilon / 2, 0, MeasuredErrorCoverage, MeasuredKinkSignificance);

    /// <summary>The ulp model: each value carries <paramref name="perUnit"/> of max(|value|, <paramref name="floor"/>).</summary>
    public static CostNoise Ulps(double perUnit, double floor = 0) => new(0, 0, perUnit, floor, 1, UlpKinkSignificance);

    /// <summary>The noise of one value, as error estimates count it.</summary>
    public double Of(double value) => Absolute + Relative(value);

    /// <summary>The noise of one value, as the kink test counts it.</summary>
    public double ForKinkTest(double value) => KinkAbsolute + Relative(value);

    // Scaled before it is added, so that values near the largest finite one do not overflow to
    // infinity (which would pass any analytic value).
    private double Relative(double value) => PerUnit * Math.Max(Math.Abs(value), Floor);
}
