using System.Numerics;
using GradCheck.Differentiation;

namespace GradCheck.Taylor;

/// <summary>
/// The noise of the cost along the Taylor test's direction, measured as the entry sweep measures it
/// (<see cref="NoiseLevel"/>): from fourth differences of values so close together that the smooth
/// cost's contribution to them has vanished (Moré and Wild, "Estimating computational noise", SIAM J.
/// Sci. Comput. 33, 2011).
/// </summary>
/// <remarks>
/// Nine points x + i δ u, i = -4..4, the centre being J(x) already known: eight evaluations, five
/// fourth differences. Each is the noise times a normal draw of variance 70 (the sum of the squared
/// weights 1, -4, 6, -4, 1), so the noise is the root mean square of the five over √70. δ = √ε puts
/// δ⁴ J'''' at ε², far below any noise, while each entry still moves by √ε / √N of its scale, many ulps
/// for any tensor of fewer than 1/ε entries. The value a · d is taken off each point first, so that the
/// rounding of the points to the element type, which leaves them off the line, does not count as noise.
/// A cost whose values are all alike (not read, or exact) has a noise of 0; the caller's floor of one
/// ulp of the cost stands in. No more than <see cref="NoiseLevel.MostUlps"/> ulps of the cost count:
/// more is a kink within 4δ, not noise.
/// </remarks>
internal static class RemainderNoise
{
    /// <summary>Points either side of the centre.</summary>
    private const int Reach = 4;

    /// <summary>Σ w² over the weights 1, -4, 6, -4, 1 of a fourth difference.</summary>
    private const double SquaredWeights = 70;

    /// <summary>The standard deviation of one evaluation's noise, in the cost's units.</summary>
    /// <param name="line">The cost along u.</param>
    /// <param name="baseCost">J(x).</param>
    /// <param name="epsilon">ε of the element type.</param>
    public static double Measure<T>(LineOfPoints<T> line, double baseCost, double epsilon)
        where T : IFloatingPointIeee754<T>
    {
        double delta = Math.Sqrt(epsilon);
        Span<double> values = stackalloc double[(2 * Reach) + 1];
        double largest = Math.Abs(baseCost);
        for (int i = -Reach; i <= Reach; i++)
        {
            if (i == 0)
            {
                values[Reach] = baseCost;
                continue;
            }

            (double cost, double linear, _) = line.At(i * delta, "the points of the Taylor test's noise measurement");
            if (!double.IsFinite(cost))
            {
                // Out of the cost's domain within a few ulps of x: nothing to measure with.
                return 0;
            }

            values[i + Reach] = cost - linear;
            largest = Math.Max(largest, Math.Abs(cost));
        }

        double squares = 0;
        int windows = values.Length - 4;
        for (int start = 0; start < windows; start++)
        {
            double difference = values[start] - (4 * values[start + 1]) + (6 * values[start + 2]) - (4 * values[start + 3]) + values[start + 4];
            squares += difference * difference;
        }

        double noise = Math.Sqrt(squares / windows / SquaredWeights);
        return Math.Min(noise, NoiseLevel.MostUlps * epsilon * largest);
    }
}
