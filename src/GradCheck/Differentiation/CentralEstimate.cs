namespace GradCheck.Differentiation;

/// <summary>
/// The mathematics of one entry of the two-point rule (see <see cref="DifferenceMethod.CentralTwoPoint"/>):
/// (f(x+h) - f(x-h)) / 2h and, as its error, the round-off estimate alone. <see cref="CentralDifference"/>
/// calls it once per parameter entry; the Jacobian and Hessian-vector product checks once per output.
/// </summary>
internal static class CentralEstimate
{
    /// <summary>Writes entry <paramref name="index"/> of <paramref name="into"/> from the two values.</summary>
    /// <param name="width">The distance between the two points as rounded, in double.</param>
    /// <param name="plus">f at x + h.</param>
    /// <param name="minus">f at x - h.</param>
    /// <param name="roundOffPerUnit">The round-off of one value relative to its magnitude: <see cref="RoundOff.TwoPointUlps"/> ε.</param>
    /// <param name="into">Where the estimate goes.</param>
    /// <param name="index">The entry's index in <paramref name="into"/>.</param>
    /// <param name="magnitudeFloor">The least magnitude at which a value is taken to round (see <see cref="RichardsonEstimate.Write"/>).</param>
    public static void Write(double width, double plus, double minus, double roundOffPerUnit, NumericalGradient into, int index, double magnitudeFloor = 0)
    {
        // Scaled before they are added, so that values near the largest finite one do not overflow the
        // bound to infinity; the scale is a power of two, so the bits are those of scaling the sum.
        double error = ((roundOffPerUnit * Math.Max(Math.Abs(plus), magnitudeFloor)) + (roundOffPerUnit * Math.Max(Math.Abs(minus), magnitudeFloor))) / width;
        into.Write(index, new NumericalEstimate((plus - minus) / width, error, Low: double.NaN, High: double.NaN, IsKink: false));
    }
}
