using System.Numerics;

namespace GradCheck.Differentiation;

/// <summary>
/// Central differences at three widths combined by Richardson extrapolation, with an error estimate
/// and a kink test for every entry (see <see cref="DifferenceMethod.Richardson"/>).
/// </summary>
/// <remarks>
/// This is the loop: it perturbs each entry in place to x ± h, ± 2h, ± 4h and restores it;
/// <see cref="RichardsonEstimate"/> holds the mathematics of one entry (the estimate, its error, the
/// one-sided derivatives and the kink test), which the Jacobian check shares.
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

    /// <summary>Fills entry <paramref name="index"/> of <paramref name="into"/>; the entry is restored by assignment, also when the cost throws.</summary>
    /// <param name="probe">The cost and the tensor it reads.</param>
    /// <param name="index">The entry's row-major index.</param>
    /// <param name="relativeStep">The rule's step, <see cref="StepSize.RelativeStep{T}"/>.</param>
    /// <param name="baseCost">J at the unperturbed parameters.</param>
    /// <param name="into">Where the estimate goes.</param>
    public static void DifferentiateEntry<T>(in CostProbe<T> probe, int index, double relativeStep, double baseCost, NumericalGradient into)
        where T : IFloatingPointIeee754<T>
    {
        T x = probe.Values[index];
        T p1 = StepSize.Offset(x, relativeStep, 1), m1 = StepSize.Offset(x, relativeStep, -1);
        T p2 = StepSize.Offset(x, relativeStep, 2), m2 = StepSize.Offset(x, relativeStep, -2);
        T p4 = StepSize.Offset(x, relativeStep, 4), m4 = StepSize.Offset(x, relativeStep, -4);
        double jp1, jm1, jp2, jm2, jp4, jm4;
        try
        {
            jp1 = probe.At(index, p1, 1);
            jm1 = probe.At(index, m1, -1);
            jp2 = probe.At(index, p2, 2);
            jm2 = probe.At(index, m2, -2);
            jp4 = probe.At(index, p4, 4);
            jm4 = probe.At(index, m4, -4);
        }
        finally
        {
            probe.Values[index] = x;
        }

        var points = new Stencil(
            double.CreateTruncating(x),
            double.CreateTruncating(p1),
            double.CreateTruncating(m1),
            double.CreateTruncating(p2),
            double.CreateTruncating(m2),
            double.CreateTruncating(p4),
            double.CreateTruncating(m4));
        RichardsonEstimate.Write(points, new Stencil(baseCost, jp1, jm1, jp2, jm2, jp4, jm4), RoundOff.Ulps * MachineEpsilon.Of<T>(), into, index);
    }
}
