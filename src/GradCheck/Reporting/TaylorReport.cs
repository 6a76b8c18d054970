namespace GradCheck.Reporting;

/// <summary>
/// The Taylor-remainder test of one tensor (<see cref="CheckCoverage.TaylorRemainder"/>): along a
/// seeded random direction u, the remainder R1(h) = |J(x + h u) - J(x) - h a · u| for halving steps h,
/// the observed orders between successive steps, the measured noise floor, and the verdict.
/// </summary>
/// <remarks>
/// When a is the gradient along u, R1(h) = h²/2 |uᵀ H u| + O(h³) shrinks four times per halving of h
/// (order 2); when it is not, R1(h) ≈ h |a · u - ∇J · u| shrinks only twice (order 1) once h is small
/// enough. An order is read only between two steps where R1 stands at least <see cref="FitFactor"/> times
/// above the noise floor, so that the plateau where R1 is the cost's round-off is never taken for a slope,
/// and where the signed remainder keeps its sign: across a change of sign (the curvature's term
/// overtaking the cubic one, or the error's) the ratio of two remainders says nothing of an order.
/// The order at the smallest steps so read decides (Farrell et al., SIAM J. Sci. Comput. 35(4), 2013,
/// the test of pyadjoint's <c>taylor_test</c>): at least <see cref="PassingOrder"/> passes; at most
/// <see cref="FailingOrder"/> at the last two halvings fails. In between, or with a single low order,
/// the noise came too soon to tell a linear term from a turn of the curvature (a random direction
/// can meet a Hessian nearly flat along it): the test is undecided, and the cost's derivative along the
/// same direction, against a · u, decides instead (the tensor's <see cref="TensorReport.Directions"/>).
/// With a Hessian-vector product (<see cref="Degree"/> 2), R2(h) = |R1(h) - h²/2 u · H u| shrinks as h³ when
/// both are right; a wrong H u leaves h²/2 |u · (H - H')u|, order 2, and a wrong gradient h |a · u - ∇J · u|,
/// order 1; the same rule holds one order up (<see cref="LeastPassingOrder"/>, <see cref="MostFailingOrder"/>).
/// R2 sees H u only through u · H u: a wrong H u orthogonal to u, or one off by a term that vanishes along u, passes.
/// </remarks>
public sealed class TaylorReport
{
    /// <summary>
    /// How many times the noise floor R1 must stand above for its step to enter the fit: the noise then
    /// moves an order read between two such steps by at most log2((1 + 1/32) / (1 - 1/32)) = 0.09 while
    /// the floor holds, and by 0.4 if the noise were four times its measure, short of the 0.75 between
    /// an order of 2 and one that fails.
    /// </summary>
    public const double FitFactor = 32;

    /// <summary>How far an order may fall short of the expected one and pass, and rise above the failing one and fail: 0.25.</summary>
    public const double OrderMargin = 0.25;

    /// <summary>The order a correct gradient gives: R1 shrinks as h².</summary>
    public const double ExpectedOrder = 2;

    /// <summary>The least order that passes, <see cref="ExpectedOrder"/> less the margin of 0.25.</summary>
    public const double PassingOrder = 1.75;

    /// <summary>The most order that fails, at each of the last two halvings read: 1, the order of a wrong gradient, plus the margin of 0.25.</summary>
    public const double FailingOrder = 1.25;

    /// <param name="steps">h, halving.</param>
    /// <param name="remainders">The signed remainder J(x + d) - J(x) - a · d at each step; NaN where the cost was not finite.</param>
    /// <param name="noiseFloors">The noise of R1 at each step.</param>
    /// <param name="directionalDerivative">a · u.</param>
    /// <param name="seed">The seed of u.</param>
    /// <param name="costEvaluations">The evaluations made.</param>
    /// <param name="outcome">What the caller knows already: a not finite, the cost not finite everywhere; else <see cref="EntryOutcome.WithinTolerance"/>, and the orders decide.</param>
    /// <param name="degree">1 for R1; 2 for R2, with the Hessian-vector product's term taken off too.</param>
    internal TaylorReport(double[] steps, double[] remainders, double[] noiseFloors, double directionalDerivative, int seed, int costEvaluations, EntryOutcome outcome, int degree = 1)
    {
        Degree = degree;
        Steps = steps;
        Remainders = [.. remainders.Select(Math.Abs)];
        NoiseFloors = noiseFloors;
        DirectionalDerivative = directionalDerivative;
        Seed = seed;
        CostEvaluations = costEvaluations;
        var orders = new double[Math.Max(0, steps.Length - 1)];
        var fitted = new bool[orders.Length];
        for (int k = 0; k < orders.Length; k++)
        {
            orders[k] = Math.Log(remainders[k] / remainders[k + 1]) / Math.Log(steps[k] / steps[k + 1]);
            fitted[k] = AboveNoise(k) && AboveNoise(k + 1) && double.IsFinite(orders[k]) && Math.Sign(remainders[k]) == Math.Sign(remainders[k + 1]);
        }

        Orders = orders;
        Fitted = fitted;
        int last = Array.LastIndexOf(fitted, true);
        ObservedOrder = last < 0 ? double.NaN : orders[last];
        Outcome = outcome != EntryOutcome.WithinTolerance
            ? outcome
            : last < 0 || ObservedOrder >= LeastPassingOrder ? EntryOutcome.WithinTolerance
            : ObservedOrder <= MostFailingOrder && last > 0 && fitted[last - 1] && orders[last - 1] <= MostFailingOrder ? EntryOutcome.OutsideTolerance
            : EntryOutcome.NotCheckable;
    }

    /// <summary>
    /// The degree of the Taylor polynomial taken off J(x + h u): 1 for R1(h) = |J(x + h u) - J(x) - h a · u|;
    /// 2 for R2(h) = |R1 - h²/2 u · H u| when a Hessian-vector product H u was given. The remainder of a
    /// correct expansion shrinks as h^(Degree + 1).
    /// </summary>
    public int Degree { get; }

    /// <summary>The least order that passes: Degree + 1 less <see cref="OrderMargin"/> (1.75 for R1, 2.75 for R2).</summary>
    public double LeastPassingOrder => Degree + 1 - OrderMargin;

    /// <summary>The most order that fails at each of the last two halvings read: Degree plus <see cref="OrderMargin"/> (1.25 for R1, 2.25 for R2).</summary>
    public double MostFailingOrder => Degree + OrderMargin;

    /// <summary>The steps h, largest first, each half the one before; u moves each entry by h max(1, |x|) v with v of unit length.</summary>
    public IReadOnlyList<double> Steps { get; }

    /// <summary>R1(h) at each step; NaN where the cost was NaN or infinite.</summary>
    public IReadOnlyList<double> Remainders { get; }

    /// <summary>The noise of R1 at each step: the cost's noise measured along u, at J(x + h u) and at J(x), each at least half an ulp of its value.</summary>
    public IReadOnlyList<double> NoiseFloors { get; }

    /// <summary>The order log(R1(h_k) / R1(h_k+1)) / log(h_k / h_k+1) between each step and the next.</summary>
    public IReadOnlyList<double> Orders { get; }

    /// <summary>Whether each order was read: R1 stands at least <see cref="FitFactor"/> times above the noise floor at both its steps.</summary>
    public IReadOnlyList<bool> Fitted { get; }

    /// <summary>The order at the smallest steps where R1 stands above the noise, which decides; NaN when R1 never does.</summary>
    public double ObservedOrder { get; }

    /// <summary>a · u, the backward pass's prediction of the cost's slope along u.</summary>
    public double DirectionalDerivative { get; }

    /// <summary>The seed of u.</summary>
    public int Seed { get; }

    /// <summary>How many times the cost was evaluated for this test (the sweep and the noise measurement).</summary>
    public int CostEvaluations { get; }

    /// <summary>
    /// <see cref="EntryOutcome.WithinTolerance"/> when the order is at least <see cref="PassingOrder"/> (or R1
    /// never stands above the noise), <see cref="EntryOutcome.OutsideTolerance"/> when it is at most
    /// <see cref="FailingOrder"/> at the last two halvings read, <see cref="EntryOutcome.NotCheckable"/> when
    /// the orders read cannot tell (the derivative along u then decides),
    /// <see cref="EntryOutcome.AnalyticNotFinite"/> when a is NaN or infinite, and
    /// <see cref="EntryOutcome.NumericNotFinite"/> when the cost is NaN or infinite at every step.
    /// </summary>
    public EntryOutcome Outcome { get; }

    /// <summary>Whether R1 shrinks as h² along u, or the test could not tell and left the verdict to the derivative along u.</summary>
    public bool Passed => Outcome is EntryOutcome.WithinTolerance or EntryOutcome.NotCheckable;

    /// <summary>Whether the orders could not tell, so that the derivative along u decided.</summary>
    public bool Undecided => Outcome == EntryOutcome.NotCheckable;

    /// <summary>The verdict in words, such as <c>R1 shrinks as h^1.00: the gradient is wrong along this direction</c>.</summary>
    public string Verdict => TaylorText.Verdict(this);

    /// <inheritdoc cref="Verdict"/>
    public override string ToString() => Verdict;

    private bool AboveNoise(int step) =>
        Remainders[step] > FitFactor * NoiseFloors[step] && double.IsFinite(Remainders[step]);
}
