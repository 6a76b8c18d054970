using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Coverage;

/// <summary>
/// The derivative of the cost along a direction over some entries of one tensor, against the analytic
/// gradient's prediction a · u: the test a random-direction check makes per tensor and, restricted to
/// halves of a tensor, the test its bisection makes.
/// </summary>
/// <remarks>
/// <para>
/// The direction. Entry i moves by t u[i], with u[i] = max(1, |x[i]|) v[i] and v of unit length: the same
/// scaling as the per-entry step, so t takes the per-entry rule's steps (h, or h, 2h, 4h) and the
/// derivative along u is estimated by the same mathematics as one entry's (<see cref="CentralEstimate"/>,
/// <see cref="RichardsonEstimate"/>), with its error estimate and, for Richardson, its kink test.
/// </para>
/// <para>
/// The rounding of the points. x[i] + t u[i] is rounded to the element type, so the point evaluated
/// is off the line by r(t), known exactly. To first order the cost there differs from the cost on the
/// line by ∇J · r(t), which is removed with a · r(t) before the rule is applied; what is left, (a - ∇J) · r(t),
/// is ε |x| times the error being looked for, far below it.
/// </para>
/// </remarks>
internal static class DirectionalProbe
{
    /// <summary>Measures the direction <paramref name="direction"/> over the entries <paramref name="first"/> onwards of <paramref name="tensor"/>, as many as it has.</summary>
    /// <param name="cost">The cost.</param>
    /// <param name="tensor">The tensor; the entries moved are restored by assignment, also when the cost throws or the check is cancelled.</param>
    /// <param name="given">The tensor's values at the given point (the check's snapshot of it), from which every point is measured and to which every entry is restored.</param>
    /// <param name="first">The first entry the direction moves: it moves <paramref name="first"/> to <paramref name="first"/> + its length - 1 (a half of a half of the tensor, in a bisection).</param>
    /// <param name="direction">v, one value per entry it moves, drawn again on every pass.</param>
    /// <param name="analytic">a over the whole tensor; checked unchanged once the evaluations are done, since every pass read it.</param>
    /// <param name="rule">The difference rule.</param>
    /// <param name="comparison">The pass rule.</param>
    /// <param name="what">The direction in words, for the message if the cost throws.</param>
    /// <remarks>
    /// Nothing is allocated per entry: the points are worked out again from <paramref name="given"/> and
    /// the direction's seed on each pass, at the price of drawing the direction once per pass. The pass
    /// that moves the entries to a point first makes sure that each still holds what the previous point
    /// put there: a cost that wrote to one is caught, whichever entry it was.
    /// </remarks>
    public static DirectionReport Measure<T>(Func<T> cost, NamedTensor<T> tensor, ReadOnlySpan<T> given, int first, in RandomDirection direction, AnalyticGradient<T> analytic, EntryRule<T> rule, ComparisonRule comparison, string what)
        where T : IFloatingPointIeee754<T>
    {
        Span<T> values = tensor.Storage.Span;
        ParameterWrittenException.ThrowIfNotGiven(tensor, values, given);
        int count = direction.Length;
        double h = rule.RelativeStep;
        double dot = 0;
        double magnitude = 0;
        SeededRandom draws = direction.Start();
        AnalyticGradient<T>.Reader a = analytic.Everywhere();
        for (int k = 0; k < count; k++)
        {
            int index = first + k;
            double step = StepSize.Magnitude(given[index], h) * direction.Next(ref draws);
            dot += a[index] * step;
            magnitude += Math.Abs(a[index] * step);
        }

        ReadOnlySpan<int> multiples = DirectionalStencil.Multiples(rule.Method);
        Span<double> at = stackalloc double[multiples.Length];
        try
        {
            double previous = 0;
            for (int point = 0; point <= multiples.Length; point++)
            {
                // The last pass only checks the last point's values; the finally below restores them.
                double t = point < multiples.Length ? multiples[point] * h : 0;
                double offLine = 0;
                draws = direction.Start();
                for (int k = 0; k < count; k++)
                {
                    int index = first + k;
                    double x = double.CreateTruncating(given[index]);
                    double step = StepSize.Magnitude(given[index], h) * direction.Next(ref draws);
                    if (point > 0)
                    {
                        ParameterWrittenException.ThrowIfChanged(tensor, values, index, DirectionalStencil.Point<T>(x, step, previous, out _));
                    }

                    values[index] = DirectionalStencil.Point<T>(x, step, t, out double deviation);
                    offLine += double.IsFinite(a[index]) ? a[index] * deviation : 0;
                }

                if (point < multiples.Length)
                {
                    at[point] = CostEvaluation.At(cost, $"{tensor.Name} moved along {what}, t = {StepSize.OffsetText(multiples[point])}", rule.Cancellation) - offLine;
                }

                previous = t;
            }
        }
        finally
        {
            for (int k = 0; k < count; k++)
            {
                int index = first + k;
                values[index] = given[index];
            }
        }

        analytic.ThrowIfChanged();
        var numeric = new NumericalGradient(1);
        double ulps = rule.Method == DifferenceMethod.CentralTwoPoint ? RoundOff.TwoPointUlps : RoundOff.Ulps;
        DirectionalStencil.Estimate(rule.Method, h, rule.BaseCost, at, ulps * MachineEpsilon.Of<T>(), magnitudeFloor: 0, numeric, 0);

        // The analytic side's round-off is that of a dot product: relative to the sum of its terms' magnitudes.
        EntryOutcome outcome = GradientComparison.Judge(dot, numeric, 0, comparison, magnitude, out double error, out double bound);
        return new DirectionReport(dot, numeric[0].Value, error, bound, outcome);
    }
}
