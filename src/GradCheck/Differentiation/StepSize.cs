using System.Globalization;
using System.Numerics;

namespace GradCheck.Differentiation;

/// <summary>
/// The step of the finite differences for one entry, chosen by balancing truncation against round-off.
/// </summary>
/// <remarks>
/// A difference rule of order p has a truncation error of about C h^p |J^(p+1)| and a round-off error of
/// about ε |J| / h, where ε is the machine epsilon of the type the cost is computed in. Their sum is
/// smallest at h ~ ε^(1/(p+1)), scaled by the entry's magnitude so that x + h differs from x in a
/// fixed number of leading bits (Nocedal and Wright, Numerical Optimization, 2nd ed., section 8.1;
/// FiniteDifferences.jl's estimate_step makes the same balance with a bound on the derivative).
/// <list type="bullet">
/// <item>Two-point central difference (p = 2): h = ε^(1/3), 6.1e-6 for double, 4.9e-3 for float.</item>
/// <item>Richardson over h, 2h, 4h (p = 4): ε^(1/5) is the widest step, so h = ε^(1/5) / 4:
/// 1.8e-4 for double, 1.0e-2 for float.</item>
/// </list>
/// The usual gradient-check recipe's fixed 1e-7 is below float's resolution at 1, where x + 1e-7 rounds back to x.
/// </remarks>
internal static class StepSize
{
    /// <summary>The step for an entry of magnitude at most 1; larger entries get it times |x|.</summary>
    public static double RelativeStep<T>(DifferenceMethod method)
        where T : IFloatingPointIeee754<T> =>
        method switch
        {
            DifferenceMethod.CentralTwoPoint => Math.Cbrt(MachineEpsilon.Of<T>()),
            _ => Math.Pow(MachineEpsilon.Of<T>(), 1.0 / 5) / Stencil.Multiples[^2],
        };

    /// <summary>
    /// The point <c>x + multiple * h</c>, rounded to <typeparamref name="T"/>. Callers divide by the
    /// distance between the points as they are, not by the nominal step, so rounding does not bias
    /// the derivative.
    /// </summary>
    public static T Offset<T>(T x, double relativeStep, int multiple)
        where T : IFloatingPointIeee754<T> =>
        x + T.CreateTruncating(multiple * relativeStep * Magnitude(x, relativeStep));

    /// <summary>
    /// What the step of entry <paramref name="x"/> is relative to: max(1, |x|), except near the largest
    /// finite value, where it shrinks so that the widest point any rule takes (32h, the last rung of a
    /// climb) stays within half the room left below that value. Else x + 4h of an entry at 0.97 times
    /// float's largest value would be infinite, and the check would blame the cost for its own step.
    /// The points' ratios stay those of the rule, since every point of an entry shares the magnitude.
    /// An entry so close to the largest value that no step fits keeps max(1, |x|): its points overflow
    /// and it is reported as not finite.
    /// </summary>
    public static double Magnitude<T>(T x, double relativeStep)
        where T : IFloatingPointIeee754<T>
    {
        double absolute = Math.Abs(double.CreateTruncating(x));
        double magnitude = Math.Max(1.0, absolute);
        double widest = WidestMultiple * relativeStep;
        double room = (double.CreateTruncating(T.BitDecrement(T.PositiveInfinity)) - absolute) / 2;
        if (widest * magnitude <= room)
        {
            return magnitude;
        }

        // Within a few ulps of the largest value no step fits: x + h would round back to x. The usual
        // step is kept there, its points overflow, and the entry fails as not finite, never passes.
        double shrunk = room / widest;
        T step = T.CreateTruncating(relativeStep * shrunk);
        return x + step != x && x - step != x ? shrunk : magnitude;
    }

    /// <summary>The largest multiple of h any rule evaluates at: the widest point of the highest rung of a climb.</summary>
    private static int WidestMultiple => StencilValues.Multiples[^2];

    /// <summary>A point's offset in words, for messages: <c>+ h</c>, <c>- 2h</c>.</summary>
    /// <param name="multiple">The point as a multiple of the step.</param>
    public static string OffsetText(int multiple) => multiple switch
    {
        1 => "+ h",
        -1 => "- h",
        > 0 => string.Create(CultureInfo.InvariantCulture, $"+ {multiple}h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"- {-multiple}h"),
    };
}
