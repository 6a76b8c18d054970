using System.Globalization;
using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Coverage;

/// <summary>
/// The fast check of one tensor (<see cref="CheckCoverage.RandomDirections"/>): its seeded random
/// directions, each against a · u, and, if one fails, the <see cref="Localisation"/> of its wrong entries.
/// Each tensor has its own directions, so a wrong tensor cannot hide behind a right one.
/// </summary>
internal static class RandomDirectionCheck
{
    /// <summary>Checks one tensor.</summary>
    /// <param name="cost">The cost.</param>
    /// <param name="tensor">The tensor, perturbed in place and restored.</param>
    /// <param name="given">The tensor's values at the given point, the check's snapshot of it.</param>
    /// <param name="position">The tensor's position among all the parameters: its directions do not change when other tensors are left out.</param>
    /// <param name="analytic">a over the tensor.</param>
    /// <param name="into">The entries localised, if the tensor fails; the others stay unchecked.</param>
    /// <param name="rule">The difference rule.</param>
    /// <param name="comparison">The pass rule.</param>
    /// <param name="coverage">The number of directions, the seed, how many entries to localise.</param>
    /// <returns>One report per direction.</returns>
    public static DirectionReport[] Run<T>(Func<T> cost, NamedTensor<T> tensor, ReadOnlySpan<T> given, int position, AnalyticGradient<T> analytic, NumericalGradient into, EntryRule<T> rule, ComparisonRule comparison, CheckCoverage coverage)
        where T : IFloatingPointIeee754<T>
    {
        var directions = new DirectionReport[coverage.Count];
        for (int d = 0; d < directions.Length; d++)
        {
            var direction = new RandomDirection(coverage.Seed, position, substream: d, analytic.Length);
            string what = string.Create(CultureInfo.InvariantCulture, $"random direction {d + 1}");
            directions[d] = DirectionalProbe.Measure(cost, tensor, given, first: 0, direction, analytic, rule, comparison, what);
        }

        if (!Array.TrueForAll(directions, direction => direction.Passed))
        {
            Localisation.Run(cost, tensor, given, position, analytic, into, rule, comparison, coverage);
        }

        return directions;
    }
}
