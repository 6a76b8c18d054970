using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// The catalogue: every problem of the zoo, built from a seed, in <c>float</c> or <c>double</c>.
/// </summary>
/// <remarks>
/// <para>
/// Sizes are small (each under 150 parameters, each cost a few hundred operations) because a full
/// check evaluates the cost 2 to 4 times per parameter entry and a sweep runs every problem for
/// <see cref="Seeds"/> in two types, with one check per planted bug.
/// </para>
/// <para>
/// Every smooth problem is scaled so that the largest |gradient entry| of every tensor is at least
/// about 1e-2 of |cost|. A float central difference resolves a derivative only to about
/// ε |J| / h ≈ 1.2e-7 |J| / 4.9e-3 ≈ 2.4e-5 |J|, so a tensor whose gradient were all below that would
/// be judged on rounding noise, and a 1% error in it could not be seen by any checker. The exceptions
/// are built so on purpose and say so (<see cref="ZooProblem{T}.SmallGradientTensors"/>).
/// </para>
/// <para>
/// The last seven problems were added for the measured-noise engine: cancelling sums
/// (<see cref="CancellingSum{T}"/>), ReLU networks whose kinks meet at the point
/// (<see cref="HalfGridReluNetwork{T}"/>), and tensors with gradients of 1e-3 to 1e-2 of |cost|. Today's
/// engine gives wrong verdicts on correct code on them.
/// </para>
/// </remarks>
public static class Zoo
{
    /// <summary>The seeds a sweep runs: 1 to 20.</summary>
    public static IReadOnlyList<int> Seeds { get; } = [.. Enumerable.Range(1, 20)];

    /// <summary>A factory per problem, in catalogue order; each builds the problem for a seed.</summary>
    /// <typeparam name="T">The floating-point type, float or double.</typeparam>
    public static IReadOnlyList<Func<int, ZooProblem<T>>> Problems<T>()
        where T : IFloatingPointIeee754<T> =>
    [
        seed => new TanhNetwork<T>(seed),
        seed => new SigmoidSquaredErrorNetwork<T>(seed),
        seed => new ReluNetwork<T>(seed),
        seed => new SoftmaxRegression<T>(seed),
        seed => new LayerNormalization<T>(seed),
        seed => new Convolution1D<T>(seed),
        seed => new L1Regression<T>(seed),
        seed => new IntegerReluNetwork<T>(seed),
        seed => new LogSumExp<T>(seed),
        seed => new MaxPoolWithTies<T>(seed),
        seed => new ThreeLayerReluNetwork<T>(seed),
        seed => new XorNetwork<T>(seed),
        seed => new AttentionCancellingSum<T>(seed),
        seed => new LinearSolveCancellingSum<T>(seed),
        seed => new CumulativeCancellingSum<T>(seed),
        seed => new MeetingKinksReluNetwork<T>(seed),
        seed => new ZeroInitialisedReluNetwork<T>(seed),
        seed => new SmallGradientXorNetwork<T>(seed),
        seed => new VanishingGradientNetwork<T>(seed),
        seed => new Convolution2DBatchNorm<T>(seed),
    ];

    /// <summary>The problems' names, in catalogue order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Problems<double>().Select(factory => factory(1).Name)];

    /// <summary>"float" or "double": the C# keyword of <typeparamref name="T"/>.</summary>
    public static string TypeName<T>()
        where T : IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? "float" : typeof(T) == typeof(double) ? "double" : typeof(T).Name;
}
