using System.Globalization;
using GradCheck.Differentiation;

namespace GradCheck.Reporting;

/// <summary>How the numerical gradient was computed, as the report states it.</summary>
/// <param name="ElementType">The element type the cost was evaluated in, such as <c>double</c>.</param>
/// <param name="Method">The difference rule.</param>
/// <param name="RelativeStep">The step h for entries with |x| &lt;= 1; larger entries get h * |x|.</param>
/// <param name="MachineEpsilon">ε of the element type, which sets the step and the round-off estimate.</param>
public sealed record NumericalMethod(string ElementType, DifferenceMethod Method, double RelativeStep, double MachineEpsilon)
{
    /// <summary>The element type the cost was evaluated in, such as <c>double</c>.</summary>
    public string ElementType { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = ElementType ?? throw new ArgumentNullException(nameof(ElementType));

    /// <summary>The method in words, with its numbers.</summary>
    public override string ToString() => Method switch
    {
        DifferenceMethod.CentralTwoPoint => string.Create(
            CultureInfo.InvariantCulture,
            $"central difference (J(x+h) - J(x-h)) / 2h, h = cbrt(ε) max(1, |x|) = {RelativeStep:0.00e+00} max(1, |x|) for {ElementType} (ε = {MachineEpsilon:0.00e+00}); error estimate: {RoundOff.TwoPointUlps:0} ulps of round-off only, kinks not detected"),
        _ => string.Create(
            CultureInfo.InvariantCulture,
            $"Richardson extrapolation of central differences at h, 2h, 4h, h = ε^(1/5)/4 max(1, |x|) = {RelativeStep:0.00e+00} max(1, |x|) for {ElementType} (ε = {MachineEpsilon:0.00e+00}); e(n) = |R(h) - R(2h)| + {RoundOff.Ulps:0} ulps of round-off; kinks from one-sided derivatives"),
    } + "; points exactly representable, differences in double";
}
