using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Jacobians;

/// <summary>
/// What can make a vector-valued function uncheckable at the given point, found from its values there
/// (evaluated twice at the start of a check and once at its end, as <see cref="GradientCheckRun"/> does
/// for a cost): a value that is not finite, or values that differ between evaluations.
/// </summary>
internal static class GivenPointObstacles
{
    /// <summary>How many values that are not finite a report names one by one, at the given x or at perturbed points.</summary>
    public const int NonFiniteShown = 4;

    /// <summary>A obstacle naming the outputs that are NaN or infinite at the given x, or null.</summary>
    /// <param name="values">The function at the given x.</param>
    /// <param name="function">Its name, <c>f</c> or <c>g</c>.</param>
    /// <param name="subject">What cannot be compared, such as <c>Jacobian</c>.</param>
    public static CheckObstacle? NotFinite(double[] values, string function, string subject)
    {
        int[] bad = [.. Enumerable.Range(0, values.Length).Where(i => !double.IsFinite(values[i]))];
        if (bad.Length == 0)
        {
            return null;
        }

        string named = string.Join(", ", bad.Take(NonFiniteShown).Select(i => $"{function}[{i}] = {DistinctDigits.General(values[i])}"));
        string more = bad.Length > NonFiniteShown ? $", ... ({bad.Length} outputs in all)" : string.Empty;
        return new CheckObstacle(
            CheckObstacleKind.CostNotFinite,
            $"{named}{more} at the given x, so no {subject} can be compared; check the forward pass (log of 0, overflow, a division by 0)");
    }

    /// <summary>A obstacle naming the first output that differs between two evaluations at the given x, or null.</summary>
    /// <param name="first">The function's values at the first evaluation.</param>
    /// <param name="second">The values at a later one.</param>
    /// <param name="function">Its name, <c>f</c> or <c>g</c>.</param>
    /// <param name="subject">What cannot be checked, such as <c>Jacobian</c>.</param>
    /// <param name="when">When the two evaluations were made, in words.</param>
    /// <param name="epsilon">ε of the element type.</param>
    public static CheckObstacle? NotDeterministic(double[] first, double[] second, string function, string subject, string when, double epsilon)
    {
        for (int i = 0; i < first.Length; i++)
        {
            if (!Determinism.SameValue(first[i], second[i], epsilon))
            {
                return Determinism.Obstacle(
                    function,
                    $"{function}[{i}] = ",
                    first[i],
                    second[i],
                    when,
                    $"A {subject} can only be checked against a function that gives the same values at the same point");
            }
        }

        return null;
    }
}
