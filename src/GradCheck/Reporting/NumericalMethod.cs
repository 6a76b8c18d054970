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

    /// <summary>
    /// The method in one line: the rule, the step with its value for the element type, and where the
    /// error estimate e(n) comes from. The full account (which points are evaluated when, how the noise
    /// is measured, the kink test, the rounding of the points) is in the README's "The pass rule".
    /// </summary>
    public override string ToString() => Rule switch
    {
        DifferenceMethod.CentralTwoPoint => string.Create(
            CultureInfo.InvariantCulture,
            $"central difference at ±h; h = cbrt(ε) max(1, |x|) = {RelativeStep:0.00e+00} max(1, |x|) in {ElementType}; e(n) = {RoundOff.TwoPointUlps:0} ulps of round-off, no kink test"),
        _ when !Staged => string.Create(
            CultureInfo.InvariantCulture,
            $"five-point rule R(h) at ±h, ±2h, ±4h; h = ε^(1/5)/4 max(1, |x|) = {RelativeStep:0.00e+00} max(1, |x|) in {ElementType}; e(n) = |R(h) - R(2h)| + {RoundOff.Ulps:0} ulps of round-off"),
        _ => string.Create(
            CultureInfo.InvariantCulture,
            $"five-point rule at ±h, ±2h (more where needed); h = ε^(1/5)/4 max(1, |x|) = {RelativeStep:0.00e+00} max(1, |x|) in {ElementType}; e(n) from h vs 2h + measured noise"),
    };
}
