using System.Numerics;

namespace GradCheck.Differentiation;

/// <summary>
/// The step of the central difference for one entry.
/// </summary>
/// <remarks>
/// The central difference (J(x+h) - J(x-h)) / 2h has a truncation error of about h² |J'''| / 6 and a
/// round-off error of about ε |J| / h, where ε is the machine epsilon of the type the cost is computed
/// in. Their sum is smallest at h ~ ε^(1/3), scaled by the entry's magnitude so that x + h differs from x
/// in a fixed number of leading bits (Nocedal and Wright, Numerical Optimization, 2nd ed., section 8.1).
/// That is about 6.1e-6 for double and 4.9e-3 for float; the seeds' fixed 1e-7 is below float's
/// resolution at 1, where x + 1e-7 rounds back to x.
/// </remarks>
internal static class StepSize
{
    /// <summary>ε^(1/3) for <typeparamref name="T"/>: the step for an entry of magnitude at most 1.</summary>
    public static double RelativeStep<T>()
        where T : IFloatingPointIeee754<T> =>
        Math.Cbrt(MachineEpsilon.Of<T>());

    /// <summary>
    /// The two evaluation points around <paramref name="x"/>, both exactly representable in
    /// <typeparamref name="T"/>. The caller divides by the distance between them as they are, not by
    /// the nominal 2h, so the rounding of x ± h does not bias the derivative.
    /// </summary>
    public static (T Minus, T Plus) PointsAround<T>(T x, double relativeStep)
        where T : IFloatingPointIeee754<T>
    {
        double magnitude = Math.Max(1.0, Math.Abs(double.CreateTruncating(x)));
        T step = T.CreateTruncating(relativeStep * magnitude);
        return (x - step, x + step);
    }
}
