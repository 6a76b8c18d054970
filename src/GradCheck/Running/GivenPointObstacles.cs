using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Running;

/// <summary>
/// What can keep a function from being checked, found from its values at the given point (evaluated
/// twice at the start of a check and once at its end): a value that is not finite, or values that
/// differ between evaluations. One rule and one wording for the cost of a gradient check (one value)
/// and for the function of a Jacobian or Hessian-vector product check (m values).
/// </summary>
internal static class GivenPointObstacles
{
    /// <summary>How many values that are not finite a report names one by one, at the given point or at perturbed points.</summary>
    public const int NonFiniteShown = 4;

    /// <summary>An obstacle naming the values that are NaN or infinite at the given point, or null.</summary>
    /// <param name="values">The function at the given point.</param>
    /// <param name="function">The function, as messages name it.</param>
    public static CheckObstacle? NotFinite(double[] values, EvaluatedFunction function)
    {
        int[] bad = [.. Enumerable.Range(0, values.Length).Where(i => !double.IsFinite(values[i]))];
        if (bad.Length == 0)
        {
            return null;
        }

        string named = function.Scalar
            ? $"{function.Name} is {DistinctDigits.General(values[0])}"
            : string.Join(", ", bad.Take(NonFiniteShown).Select(i => $"{function.Name}[{i}] = {DistinctDigits.General(values[i])}"));
        string more = bad.Length > NonFiniteShown ? $", ... ({bad.Length} outputs in all)" : string.Empty;
        return new CheckObstacle(
            CheckObstacleKind.CostNotFinite,
            $"{named}{more} at the given {function.Point}, so no {function.Noun} can be compared; check the forward pass (log of 0, overflow, a division by 0)");
    }

    /// <summary>An obstacle naming the first value that differs between two evaluations at the given point, or null.</summary>
    /// <param name="first">The function's values at the first evaluation.</param>
    /// <param name="second">The values at a later one.</param>
    /// <param name="function">The function, as messages name it.</param>
    /// <param name="when">When the two evaluations were made, in words.</param>
    /// <param name="epsilon">ε of the element type.</param>
    public static CheckObstacle? NotDeterministic(double[] first, double[] second, EvaluatedFunction function, string when, double epsilon)
    {
        for (int i = 0; i < first.Length; i++)
        {
            if (!Determinism.SameValue(first[i], second[i], epsilon))
            {
                return function.Scalar
                    ? Determinism.Obstacle(function.Name, string.Empty, first[i], second[i], when, $"A {function.Noun} can only be checked against a cost that gives the same value at the same {function.Point}")
                    : Determinism.Obstacle(function.Name, $"{function.Name}[{i}] = ", first[i], second[i], when, $"A {function.Noun} can only be checked against a function that gives the same values at the same point");
            }
        }

        return null;
    }
}
