using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Coverage;
using GradCheck.Differentiation;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck.Taylor;

/// <summary>
/// The Taylor-remainder test of one tensor along one direction: R1(h) = |J(x + d(h)) - J(x) - a · d(h)|
/// at halving steps h, with d(h) the displacement x + h u actually took after rounding to the element
/// type, down to where R1 sinks into the measured noise of the cost (<see cref="RemainderNoise"/>).
/// </summary>
/// <remarks>
/// <para>
/// The direction. u = max(1, |x|) ∘ v, v a seeded Gaussian of unit length: the scaling of the per-entry
/// step, so that the whole tensor moves by h relative to its entries' magnitudes, whatever its size.
/// </para>
/// <para>
/// The steps. h starts at <see cref="FirstStep"/> (pyadjoint's <c>taylor_test</c> starts at 0.01 and
/// halves four times) and halves until R1 has been within the noise for two steps in a row, until
/// <see cref="SettledHalvings"/> halvings in a row above the noise have shown order 1 (a linear term,
/// once it shows, only grows against the others as h shrinks), or after <see cref="MostHalvings"/>: the smaller the step where the order is read, the smaller a gradient error
/// it sees, since an error e along u adds h |e| to R1 against the curvature's h² |uᵀHu| / 2. A large
/// first step may cross kinks or leave the quadratic regime; only the smallest steps above the noise decide.
/// </para>
/// <para>
/// The rounding. The evaluated point is x + d(h), not x + h u; using d(h) itself in a · d(h) leaves
/// the Taylor expansion exact at the point evaluated, with the curvature's cross term h uᵀ H r of the
/// rounding r below the cost's own noise.
/// </para>
/// </remarks>
internal static class TaylorRemainderTest
{
    /// <summary>The first step: 2^-3, moving the tensor by an eighth of its scale.</summary>
    public const double FirstStep = 0.125;

    /// <summary>The most halvings of the step: 2^-3 down to 2^-27 (7.5e-9) at most.</summary>
    public const int MostHalvings = 24;

    /// <summary>The substream of the direction (the fast check's first direction's, so that both draw the same u for a tensor).</summary>
    public const int DirectionSubstream = 0;

    /// <summary>How many successive halvings above the noise with an order of at most <see cref="TaylorReport.FailingOrder"/> end the sweep.</summary>
    public const int SettledHalvings = 4;

    /// <summary>Runs the test of one tensor.</summary>
    /// <param name="cost">The cost.</param>
    /// <param name="tensor">The tensor, perturbed in place and restored by assignment, also when the cost throws.</param>
    /// <param name="given">The tensor's values at the given point, the check's snapshot of it: where the line starts, and what the direction scales by.</param>
    /// <param name="position">The tensor's position among all the parameters, which seeds its direction.</param>
    /// <param name="analytic">a over the tensor; checked unchanged once the line's evaluations are done.</param>
    /// <param name="baseCost">J(x).</param>
    /// <param name="seed">The seed of the direction.</param>
    /// <param name="cancellation">The check's cancellation.</param>
    /// <param name="hessianVectorProduct">H u over the tensor at the given point for a direction u over it, for R2; null for R1.</param>
    public static TaylorReport Run<T>(Func<T> cost, NamedTensor<T> tensor, ReadOnlyMemory<T> given, int position, AnalyticGradient<T> analytic, double baseCost, int seed, CancellationToken cancellation, Func<T[], T[]>? hessianVectorProduct = null)
        where T : IFloatingPointIeee754<T>
    {
        var direction = new TaylorDirection<T>(new RandomDirection(seed, position, DirectionSubstream, analytic.Length), given);
        int degree = hessianVectorProduct is null ? 1 : 2;
        (double curvature, double curvatureMagnitude, double roundingReach) = hessianVectorProduct is null ? default : Curvature(hessianVectorProduct, direction.RoundedForProduct(), given.Span);

        double slope = 0;
        TaylorDirection<T>.Pass u = direction.Start();
        for (int i = 0; i < direction.Length; i++)
        {
            slope += analytic[i] * u.Next(i);
        }

        if (!double.IsFinite(slope) || !double.IsFinite(curvature))
        {
            return new TaylorReport([], [], [], slope, seed, 0, EntryOutcome.AnalyticNotFinite, degree);
        }

        var line = new LineOfPoints<T>(cost, tensor, given, direction, analytic, cancellation);
        double epsilon = MachineEpsilon.Of<T>();
        double noise = RemainderNoise.Measure(line, baseCost, epsilon);
        var steps = new List<double>();
        var remainders = new List<double>();
        var floors = new List<double>();
        int inNoise = 0;
        int linear = 0;
        for (int k = 0; k <= MostHalvings && inNoise < 2 && linear < SettledHalvings; k++)
        {
            double h = Math.ScaleB(FirstStep, -k);
            (double value, double predicted, double linearMagnitude) = line.At(h, "a step of the Taylor test");

            // Each of J(x + d) and J(x) carries the measured noise, at least the rounding of the value
            // itself to the element type (half an ulp); a · d is summed in double.
            // R2 also carries the rounding of H u to the element type (ε per term of u · H u) and the
            // cross term h uᵀ H r of the points' rounding r (|r_i| ≤ ε/2 |x_i|), which R2 does not take off.
            double quadratic = h * h / 2 * curvature;
            double floor = Math.Max(noise, epsilon / 2 * Math.Abs(value)) + Math.Max(noise, epsilon / 2 * Math.Abs(baseCost)) + (double.Epsilon + (linearMagnitude * MachineEpsilon.Of<double>()))
                + (epsilon * ((h * h / 2 * curvatureMagnitude) + (h * roundingReach)));
            double remainder = value - baseCost - predicted - quadratic;
            steps.Add(h);
            remainders.Add(double.IsFinite(value) ? remainder : double.NaN);
            floors.Add(floor);
            bool aboveNoise = double.IsFinite(value) && Math.Abs(remainder) > TaylorReport.FitFactor * floor;
            inNoise = aboveNoise || !double.IsFinite(value) ? 0 : inNoise + 1;
            linear = aboveNoise && k > 0 && Math.Sign(remainder) == Math.Sign(remainders[k - 1])
                && Math.Abs(remainders[k - 1]) > TaylorReport.FitFactor * floors[k - 1]
                && Math.Log2(Math.Abs(remainders[k - 1] / remainder)) <= degree + TaylorReport.OrderMargin ? linear + 1 : 0;
        }

        // Every point read a; none of it may have been written by the cost.
        analytic.ThrowIfChanged();
        EntryOutcome outcome = remainders.TrueForAll(double.IsNaN) ? EntryOutcome.NumericNotFinite : EntryOutcome.WithinTolerance;
        return new TaylorReport([.. steps], [.. remainders], [.. floors], slope, seed, line.Evaluations, outcome, degree);
    }

    /// <summary>
    /// u · H u in double from the user's H u, with Σ |u_i (H u)_i|, the magnitude of that sum, and
    /// Σ |x_i (H u)_i|, the reach of the points' rounding. u is the direction rounded to the element type
    /// (<see cref="TaylorDirection{T}.RoundedForProduct"/>), which the line then moves along.
    /// </summary>
    private static (double Curvature, double Magnitude, double RoundingReach) Curvature<T>(Func<T[], T[]> hessianVectorProduct, T[] u, ReadOnlySpan<T> values)
        where T : IFloatingPointIeee754<T>
    {
        // The target hands the user's product a copy of u (GradientCheckTarget<T>.WithHessianVectorProduct):
        // a product that writes into its argument cannot move the line.
        T[] product = hessianVectorProduct(u);
        if (product is null || product.Length != u.Length)
        {
            throw new InvalidOperationException(
                $"The Hessian-vector product returned {(product is null ? "null" : $"{product.Length} entries")} for a direction of {u.Length} entries: it must return H v, as long as v.");
        }

        double curvature = 0;
        double magnitude = 0;
        double reach = 0;
        for (int i = 0; i < u.Length; i++)
        {
            double term = double.CreateTruncating(u[i]) * double.CreateTruncating(product[i]);
            curvature += term;
            magnitude += Math.Abs(term);
            reach += Math.Abs(double.CreateTruncating(values[i]) * double.CreateTruncating(product[i]));
        }

        return (curvature, magnitude, reach);
    }
}
