using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Coverage;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Taylor;

/// <summary>
/// The Taylor check of one tensor (<see cref="CheckCoverage.TaylorRemainder"/>): its Taylor-remainder test
/// along its own seeded direction, so that a wrong tensor cannot hide behind the curvature of a right
/// one; where its orders cannot tell, the cost's derivative along the same direction against a · u, as
/// the fast check measures it (<see cref="DirectionalProbe"/>); and, if either fails, the
/// <see cref="Localisation"/> of its wrong entries, as after a failing random direction.
/// </summary>
internal static class TaylorRemainderCheck
{
    /// <summary>Checks one tensor.</summary>
    /// <param name="cost">The cost.</param>
    /// <param name="tensor">The tensor, perturbed in place and restored.</param>
    /// <param name="given">The tensor's values at the given point, the check's snapshot of it.</param>
    /// <param name="position">The tensor's position among all the parameters: its direction does not change when other tensors are left out.</param>
    /// <param name="analytic">a over the tensor.</param>
    /// <param name="into">The entries localised, if the tensor fails; the others stay unchecked.</param>
    /// <param name="rule">The difference rule of the localisation, and J(x).</param>
    /// <param name="comparison">The pass rule of the localisation.</param>
    /// <param name="coverage">The seed, how many entries to localise.</param>
    /// <param name="directions">The derivative along u, when the test was undecided; empty otherwise.</param>
    /// <param name="hessianVectorProduct">H u over the tensor for R2; null for R1.</param>
    public static TaylorReport Run<T>(Func<T> cost, NamedTensor<T> tensor, ReadOnlyMemory<T> given, int position, AnalyticGradient<T> analytic, NumericalGradient into, EntryRule<T> rule, ComparisonRule comparison, CheckCoverage coverage, out DirectionReport[] directions, Func<T[], T[]>? hessianVectorProduct = null)
        where T : IFloatingPointIeee754<T>
    {
        TaylorReport taylor = TaylorRemainderTest.Run(cost, tensor, given, position, analytic, rule.BaseCost, coverage.Seed, rule.Cancellation, hessianVectorProduct);
        directions = [];
        if (taylor.Undecided)
        {
            // The same stream as the test's own direction: the derivative is taken along the same u.
            var direction = new RandomDirection(coverage.Seed, position, TaylorRemainderTest.DirectionSubstream, analytic.Length);
            directions = [DirectionalProbe.Measure(cost, tensor, given.Span, first: 0, direction, analytic, rule, comparison, "the Taylor test's direction")];
        }

        if (!taylor.Passed || !Array.TrueForAll(directions, direction => direction.Passed))
        {
            Localisation.Run(cost, tensor, given.Span, position, analytic, into, rule, comparison, coverage);
        }

        return taylor;
    }
}
