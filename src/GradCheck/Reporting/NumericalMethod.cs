using System.Globalization;

namespace GradCheck.Reporting;

/// <summary>How the numerical gradient was computed, as the report states it.</summary>
/// <param name="ElementType">The element type the cost was evaluated in, such as <c>double</c>.</param>
/// <param name="RelativeStep">The step h for entries with |x| &lt;= 1; larger entries get h * |x|.</param>
/// <param name="MachineEpsilon">ε of the element type, which sets the step and the round-off estimate.</param>
public sealed record NumericalMethod(string ElementType, double RelativeStep, double MachineEpsilon)
{
    /// <summary>The method in words, with its numbers.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"central difference (J(x+h) - J(x-h)) / 2h, h = {RelativeStep:0.00e+00} * max(1, |x|) = cbrt(ε) * max(1, |x|) for {ElementType}, x ± h exactly representable, differences in double");
}
