using GradCheck.Reporting;

namespace GradCheck.Differentiation;

/// <summary>
/// Whether a function gave the same value twice at the same point, and the obstacle worded when it did
/// not: one rule and one wording for the cost of a gradient check and for the function of a Jacobian
/// or Hessian-vector product check.
/// </summary>
internal static class Determinism
{
    /// <summary>
    /// How far apart two evaluations at the same point may be, in ulps of the value: a deterministic
    /// function repeats itself bit for bit, unless it sums in parallel in a varying order.
    /// </summary>
    public const double Ulps = 4.0;

    /// <summary>Equal, or within <see cref="Ulps"/> ulps of the larger.</summary>
    /// <param name="first">One evaluation.</param>
    /// <param name="second">Another at the same point.</param>
    /// <param name="epsilon">ε of the element type.</param>
    public static bool SameValue(double first, double second, double epsilon) =>
        first.Equals(second) || Math.Abs(first - second) <= Ulps * epsilon * Math.Max(Math.Abs(first), Math.Abs(second));

    /// <summary>
    /// The obstacle of two evaluations that differ, such as <c>the cost is not deterministic: 1.25 then
    /// 1.2500001, evaluated twice at the same parameters; is dropout or sampling switched on? ...</c>.
    /// </summary>
    /// <param name="function">The function, such as <c>the cost</c> or <c>f</c>.</param>
    /// <param name="value">What differed, ahead of its values: empty for a scalar cost, <c>f[2] = </c> for an output.</param>
    /// <param name="first">The earlier value.</param>
    /// <param name="second">The later one.</param>
    /// <param name="when">When the two evaluations were made, in words.</param>
    /// <param name="requirement">What a check needs, the message's last sentence.</param>
    public static CheckObstacle Obstacle(string function, string value, double first, double second, string when, string requirement)
    {
        // Formatted together, with as many digits as it takes to tell them apart.
        string[] values = DistinctDigits.General([first, second]);
        return new CheckObstacle(
            CheckObstacleKind.CostNotDeterministic,
            $"{function} is not deterministic: {value}{values[0]} then {values[1]}, {when}; is dropout or sampling switched on? {requirement}");
    }
}
