using System.Numerics;
using System.Numerics.Tensors;
using GradCheck.Differentiation;

namespace GradCheck.Jacobians;

/// <summary>
/// The derivative of the gradient function g along a direction v, d/dt g(x + t v) at t = 0 = H v: the
/// Richardson rule on g(x + t v) at t = ±h, ±2h, ±4h (or the two-point rule at ±h), output by output,
/// through the same per-entry mathematics as a gradient entry. JAX's <c>check_grads</c> checks a
/// Jacobian-vector product the same way (its <c>numerical_jvp</c> is (f(x + ε t) - f(x - ε t)) / 2ε along
/// the tangent t); for g the product is H v.
/// </summary>
/// <remarks>
/// <para>
/// The step. A coordinate of size |x[k]| moves by t |v[k]|, and the scalar rule's step for it would be
/// ε^(1/5)/4 max(1, |x[k]|) (see <see cref="StepSize"/>). h = ε^(1/5)/4 max(1, max|x[k]|) / max|v[k]|,
/// the maxima over the coordinates that v moves, gives the coordinate that moves most exactly the
/// scalar step of the largest moved coordinate: no coordinate moves further than that, so the
/// truncation stays that of the scalar rule, and the step is independent of how v is scaled.
/// </para>
/// <para>
/// The rounding of the points. Unlike one entry moved alone, x + t v is not representable in the element
/// type: each coordinate is rounded, and the point actually evaluated is x + t v + δ(t), with δ(t)
/// known exactly (computed in double with an error-free sum). To first order the estimate then
/// differentiates along v + e, where e is the estimate's stencil applied to the δ(t) (for Richardson,
/// (8(δ(h) - δ(-h)) - (δ(2h) - δ(-2h))) / 12h), and so carries an error H e that the values of g do
/// not reveal (JAX divides by the nominal step and leaves it unaccounted). max|e| is about
/// ε max|x| / h: 1e-5 max|v| in float, 1e-12 in double, and H e can exceed the round-off of g where g
/// is small but H large, as near a minimum away from 0. Rather than bound H e by a guess at |H|, the check measures
/// it: one more central difference of g along r = e max|v| / max|e| (2 evaluations, at the same step,
/// whose own rounding is a relative 1e-5 of it) gives H r, and H e = H r max|e| / max|v|; its magnitude
/// is added to each entry's e(n). When every point is exact, e = 0 and nothing is added.
/// </para>
/// </remarks>
internal static class DirectionalDifference
{
    /// <summary>Evaluations of g that measure the effect of rounding the points: g(x ± h r).</summary>
    public const int RoundingEvaluations = 2;

    /// <summary>Fills <paramref name="into"/> with H v, entry by entry.</summary>
    /// <param name="gradient">g, which has been evaluated at x already.</param>
    /// <param name="x">The point; read, never written.</param>
    /// <param name="direction">v; not zero, finite.</param>
    /// <param name="given">g(x), in double: the centre of every stencil.</param>
    /// <param name="method">The difference rule.</param>
    /// <param name="into">Where the n estimates go.</param>
    /// <returns>The step and what the rounding of the points came to, for the report.</returns>
    public static DirectionalStep Differentiate<T>(VectorFunction<T> gradient, T[] x, T[] direction, double[] given, DifferenceMethod method, NumericalGradient into)
        where T : IFloatingPointIeee754<T>
    {
        int n = x.Length;
        bool twoPoint = method == DifferenceMethod.CentralTwoPoint;
        ReadOnlySpan<int> multiples = DirectionalStencil.Multiples(method);
        double epsilon = MachineEpsilon.Of<T>();
        double[] xd = [.. x.Select(value => double.CreateTruncating(value))];
        double[] vd = [.. direction.Select(value => double.CreateTruncating(value))];
        double largestMove = 0;
        double scale = 1;
        for (int k = 0; k < n; k++)
        {
            if (vd[k] != 0)
            {
                largestMove = Math.Max(largestMove, Math.Abs(vd[k]));
                scale = Math.Max(scale, Math.Abs(xd[k]));
            }
        }

        double h = StepSize.RelativeStep<T>(method) * scale / largestMove;

        // The values of g at x + t v, and each point's deviation δ(t) from x + t v.
        var values = new double[multiples.Length][];
        var deviations = new double[multiples.Length][];
        var point = new T[n];
        for (int s = 0; s < multiples.Length; s++)
        {
            deviations[s] = new double[n];
            DirectionalStencil.Point<T>(xd, vd, multiples[s] * h, point, deviations[s]);
            values[s] = gradient.EvaluatePerturbed(point, Where(multiples[s], "v"));
        }

        // e: the estimate's stencil applied to the deviations (t is exact: h times a power of 2).
        var e = new double[n];
        for (int k = 0; k < n; k++)
        {
            e[k] = twoPoint
                ? (deviations[0][k] - deviations[1][k]) / (2 * h)
                : ((8 * (deviations[0][k] - deviations[1][k])) - (deviations[2][k] - deviations[3][k])) / (12 * h);
        }

        // The effect of the rounding on each entry, |H e|[i], measured along r = e scaled to the size of v:
        // H e = H r max|e| / max|v|.
        double largestDeviation = Math.Abs(TensorPrimitives.MaxMagnitude<double>(e));
        double share = largestDeviation / largestMove;
        var effects = new double[n];
        if (largestDeviation > 0)
        {
            double[] r = [.. e.Select(value => value / share)];
            var unused = new double[n];
            DirectionalStencil.Point<T>(xd, r, h, point, unused);
            double[] plus = gradient.EvaluatePerturbed(point, Where(1, "r (r the rounding of the points)"));
            DirectionalStencil.Point<T>(xd, r, -h, point, unused);
            double[] minus = gradient.EvaluatePerturbed(point, Where(-1, "r (r the rounding of the points)"));
            for (int i = 0; i < n; i++)
            {
                effects[i] = Math.Abs((plus[i] - minus[i]) / (2 * h)) * share;
            }
        }

        // The magnitude each value of g is taken to round at. g's entries come out of one backward pass,
        // whose intermediate values are at least as large as its largest entry: an entry that is small by
        // cancellation still rounds at that scale (as the automatic rule holds the analytic side to max|n|
        // in the tensor); unlike a Jacobian's row, the terms of each g[i] are not known here. On top, each
        // value is off by (H δ(t))[i], about h |H e|[i]: counted as round-off, it keeps the kink test from
        // taking the rounding of the points for a kink.
        double largestGradient = Math.Abs(TensorPrimitives.MaxMagnitude<double>(given));
        double ulp = (twoPoint ? RoundOff.TwoPointUlps : RoundOff.Ulps) * epsilon;
        Span<double> perturbed = stackalloc double[multiples.Length];
        double largestEffect = 0;
        for (int i = 0; i < n; i++)
        {
            // The positions are the nominal t: the deviations from x + t v are accounted for through e.
            for (int s = 0; s < perturbed.Length; s++)
            {
                perturbed[s] = values[s][i];
            }

            DirectionalStencil.Estimate(method, h, given[i], perturbed, ulp, largestGradient + (h * effects[i] / ulp), into, i);

            NumericalEstimate estimate = into[i];
            if (!double.IsFinite(effects[i]))
            {
                // g is not finite within the stencil's reach: nothing near x can be trusted.
                into.Write(i, estimate with { Value = double.NaN });
                continue;
            }

            into.Write(i, estimate with { Error = estimate.Error + effects[i] });
            largestEffect = Math.Max(largestEffect, effects[i]);
        }

        return new DirectionalStep(h, share, largestEffect, largestDeviation > 0);
    }

    /// <summary>The point in words: <c>x + 2h v</c>, <c>x - h v</c>.</summary>
    private static string Where(int multiple, string direction) => multiple switch
    {
        1 => $"x + h {direction}",
        -1 => $"x - h {direction}",
        > 0 => $"x + {multiple}h {direction}",
        _ => $"x - {-multiple}h {direction}",
    };
}
