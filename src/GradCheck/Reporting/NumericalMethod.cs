using System.Globalization;
using GradCheck.Differentiation;

namespace GradCheck.Reporting;

/// <summary>How the numerical gradient was computed, as the report states it.</summary>
public sealed class NumericalMethod
{
    /// <param name="elementType">The element type the cost was evaluated in.</param>
    /// <param name="rule">The difference rule.</param>
    /// <param name="relativeStep">The step h for entries with |x| &lt;= 1.</param>
    /// <param name="machineEpsilon">ε of the element type.</param>
    internal NumericalMethod(string elementType, DifferenceMethod rule, double relativeStep, double machineEpsilon)
    {
        ElementType = elementType ?? throw new ArgumentNullException(nameof(elementType));
        Rule = rule;
        RelativeStep = relativeStep;
        MachineEpsilon = machineEpsilon;
    }

    /// <summary>The element type the cost was evaluated in, such as <c>double</c>.</summary>
    public string ElementType { get; }

    /// <summary>The difference rule.</summary>
    public DifferenceMethod Rule { get; }

    /// <summary>The step h for entries with |x| &lt;= 1; larger entries get h * |x|.</summary>
    public double RelativeStep { get; }

    /// <summary>ε of the element type, which sets the step and the round-off estimate.</summary>
    public double MachineEpsilon { get; }

    /// <summary>
    /// Whether the points are spent where the verdict needs them: every entry of a gradient check takes
    /// ± h and ± 2h, and ± 4h only where its verdict is open, with the noise of the cost measured.
    /// The Jacobian and Hessian-vector product checks evaluate every point of the rule.
    /// </summary>
    public bool Staged { get; internal init; }

    /// <summary>The method in words, with its numbers.</summary>
    public override string ToString() => Rule switch
    {
        DifferenceMethod.CentralTwoPoint => string.Create(
            CultureInfo.InvariantCulture,
            $"central difference (J(x+h) - J(x-h)) / 2h, h = cbrt(ε) max(1, |x|) = {RelativeStep:0.00e+00} max(1, |x|) for {ElementType} (ε = {MachineEpsilon:0.00e+00}); error estimate: {RoundOff.TwoPointUlps:0} ulps of round-off only, kinks not detected"),
        _ when !Staged => string.Create(
            CultureInfo.InvariantCulture,
            $"Richardson extrapolation of central differences at h, 2h, 4h, h = ε^(1/5)/4 max(1, |x|) = {RelativeStep:0.00e+00} max(1, |x|) for {ElementType} (ε = {MachineEpsilon:0.00e+00}); e(n) = |R(h) - R(2h)| + {RoundOff.Ulps:0} ulps of round-off; kinks from one-sided derivatives"),
        _ => string.Create(
            CultureInfo.InvariantCulture,
            $"five-point rule from central differences at h and 2h, h = ε^(1/5)/4 max(1, |x|) = {RelativeStep:0.00e+00} max(1, |x|) for {ElementType} (ε = {MachineEpsilon:0.00e+00}), with ± 4h added where the verdict is open (a kink suspected, a failure to confirm, a coarse estimate) and steps up to 8h where noise limits an entry; e(n) = |D(h) - D(2h)| / 3, or |R(h) - R(2h)| with ± 4h, plus {CostNoise.MeasuredErrorCoverage:0} times the noise of the cost measured from fourth differences of its values and each value's rounding; kinks from one-sided derivatives"),
    } + "; points exactly representable, differences in double";
}
