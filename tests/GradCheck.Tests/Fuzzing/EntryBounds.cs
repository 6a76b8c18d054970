using System.Numerics;
using GradCheck.Differentiation;

namespace GradCheck.Tests.Fuzzing;

/// <summary>What a property knows about one entry of a known function's check, worked out independently of the checker.</summary>
/// <param name="Gradient">The true derivative g.</param>
/// <param name="Uncertainty">
/// A bound on |n - g| plus the error of <paramref name="Gradient"/> itself: how far the checker's
/// numerical derivative n can be from the true one, whatever the tolerance.
/// </param>
/// <param name="KinkUncertainty">
/// The same for the interval of one-sided derivatives the checker holds a to where it takes the entry for
/// a kink: how far that interval can reach beyond g.
/// </param>
/// <param name="EstimatedError">A bound on the checker's own estimate e(n) (the automatic rule's 2 e(n) term), kink or not.</param>
/// <param name="StencilFinite">Whether the cost is finite at every point the checker evaluates for this entry.</param>
/// <param name="CostAccurate">
/// Whether the cost is within 4 ε |J| of the true value at each of those points: twice the round-off
/// the automatic rule assumes of a cost (<see cref="RoundOff.Ulps"/> ulps of |J|), which the rule's
/// factor of 2 on e(n) then covers. A cost whose value is small by cancellation is not.
/// </param>
/// <param name="TruncationEstimated">
/// Whether the checker's error estimate covers the rule's truncation error: always for Richardson, whose
/// |R(h) - R(2h)| measures it; for the two-point rule, whose estimate is round-off only
/// (<see cref="DifferenceMethod.CentralTwoPoint"/>), only where twice the bound on h² |f'''| / 6 is below that round-off estimate.
/// </param>
internal sealed record EntryBound(double Gradient, double Uncertainty, double KinkUncertainty, double EstimatedError, bool StencilFinite, bool CostAccurate, bool TruncationEstimated)
{
    /// <summary>Whether the premises of the automatic rule hold, so that a correct gradient must pass it.</summary>
    public bool AutomaticRuleApplies => CostAccurate && TruncationEstimated;
}

/// <summary>Works out an <see cref="EntryBound"/> per entry, from the same points the checker evaluates.</summary>
/// <remarks>
/// The numerical derivative's error has these parts, each bounded from the function's own statements
/// (<see cref="KnownFunction{T}"/>) and then doubled for safety:
/// <list type="bullet">
/// <item>round-off: the costs' errors δ, combined as the rule combines the costs: (8(δ₊₁ + δ₋₁) + δ₊₂ + δ₋₂) / 12h
/// for Richardson's R(h) = (4 D(h) - D(2h)) / 3, at most 1.5 max δ / h; (δ₊ + δ₋) / 2h for the two-point rule;
/// up to 4 max δ / h for the one-sided derivatives of the kink test;</item>
/// <item>asymmetry: x + h and x - h are rounded, so the points are x + α and x - β, and a difference over
/// them is off by ½ f'' (α - β); a one-sided derivative whose x + 2h is not exactly twice as far as x + h
/// is off by about (|f'| + h |f''|) η / h, η the misplacement;</item>
/// <item>truncation: h⁴ f⁽⁵⁾ / 30 for Richardson (R(2h) sixteen times that, so (4h)⁴ covers both), h² f''' / 6
/// for the two-point rule, h² f''' / 3 for a one-sided derivative at h (and 4 times that at 2h). Zero for
/// linear and quadratic functions.</item>
/// </list>
/// </remarks>
internal static class EntryBounds
{
    /// <summary>The bounds of every entry of <paramref name="fuzzCase"/> under <paramref name="method"/>.</summary>
    public static EntryBound[] Of<T>(FunctionCase<T> fuzzCase, DifferenceMethod method)
        where T : IFloatingPointIeee754<T>
    {
        KnownFunction<T> function = fuzzCase.Function;
        T[] theta = fuzzCase.Theta;
        bool twoPoint = method == DifferenceMethod.CentralTwoPoint;
        double epsilon = MachineEpsilon.Of<T>();
        double step = StepSize.RelativeStep<T>(method);
        int[] multiples = twoPoint ? [1] : [1, 2, 4];
        double[] gradient = function.TrueGradient(theta);
        double centre = double.CreateTruncating(function.Cost(theta));
        double centreError = function.CostError(theta);
        T[] point = (T[])theta.Clone();
        var bounds = new EntryBound[theta.Length];
        for (int i = 0; i < theta.Length; i++)
        {
            T x = theta[i];
            double largestCost = Math.Abs(centre);
            double largestError = centreError;
            bool finite = double.IsFinite(centre);
            bool accurate = centreError <= 4 * epsilon * Math.Abs(centre);
            double h = double.PositiveInfinity, asymmetry = 0, misplacement = 0, right1 = 0, left1 = 0, smallestCost = double.PositiveInfinity;
            foreach (int multiple in multiples)
            {
                T plus = StepSize.Offset(x, step, multiple);
                T minus = StepSize.Offset(x, step, -multiple);
                foreach (T moved in (T[])[plus, minus])
                {
                    point[i] = moved;
                    double cost = double.CreateTruncating(function.Cost(point));
                    double error = function.CostError(point);
                    finite &= double.IsFinite(cost);
                    accurate &= error <= 4 * epsilon * Math.Abs(cost);
                    largestCost = Math.Max(largestCost, Math.Abs(cost));
                    smallestCost = Math.Min(smallestCost, Math.Abs(cost));
                    largestError = Math.Max(largestError, error);
                }

                double right = double.CreateTruncating(plus) - double.CreateTruncating(x);
                double left = double.CreateTruncating(x) - double.CreateTruncating(minus);
                (right1, left1) = multiple == 1 ? (right, left) : (right1, left1);
                h = Math.Min(h, (right + left) / (2 * multiple));
                asymmetry = Math.Max(asymmetry, Math.Abs(right - left));
                misplacement = Math.Max(misplacement, Math.Max(Math.Abs(right - (multiple * right1)), Math.Abs(left - (multiple * left1))));
            }

            point[i] = x;
            double g = Math.Abs(gradient[i]);
            T highest = StepSize.Offset(x, step, multiples[^1]);
            T lowest = StepSize.Offset(x, step, -multiples[^1]);
            double curvature = function.Curvature(theta, i, lowest, highest);
            double higher = function.HigherDerivatives(theta, i, lowest, highest);
            double central = (1.5 * largestError / h) + Times(curvature, asymmetry) + Times(higher, twoPoint ? h * h : Math.Pow(4 * h, 4));
            double oneSided = (4 * largestError / h) + ((g + Times(curvature, h)) * misplacement / h) + Times(higher, 2 * Math.Pow(2 * h, 2));
            double uncertainty = (2 * central) + function.GradientError(theta, i);
            double kinkUncertainty = (2 * Math.Max(central, oneSided)) + function.GradientError(theta, i);

            // e(n) is |R(h) - R(2h)| + 2 ε (8(|J₊₁| + |J₋₁|) + |J₊₂| + |J₋₂|) / 12h (two-point: 8 ε (|J₊| + |J₋|) / 2h);
            // at a kink, the one-sided derivatives' modelled noise, up to 24 ε max|J| / h, and their spread.
            double estimated = (2 * kinkUncertainty) + (24 * epsilon * largestCost / h) + (4 * largestError / h);
            bool truncationEstimated = !twoPoint || 2 * Times(higher, h * h) / 6 <= RoundOff.TwoPointUlps * epsilon * 2 * smallestCost / (2 * h);
            bounds[i] = finite
                ? new EntryBound(gradient[i], uncertainty, kinkUncertainty, estimated, StencilFinite: true, accurate, truncationEstimated)
                : new EntryBound(gradient[i], double.NaN, double.NaN, double.NaN, StencilFinite: false, CostAccurate: false, TruncationEstimated: false);
        }

        return bounds;
    }

    /// <summary>A derivative bound times a power of h: 0 where the derivative is 0, even if the power overflowed.</summary>
    private static double Times(double derivative, double power) => derivative == 0 ? 0 : derivative * power;
}
