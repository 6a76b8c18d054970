using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 17: the [3, 4, 4, 1] ReLU regression network of <see cref="HalfGridReluNetwork{T}"/> with one
/// hidden layer's weights and biases all initialised to 0, the common first test of a new network
/// (41 parameters). On odd seeds layer 1 is zero, on even seeds layer 2. Has kinks, and kinks that meet.
/// </summary>
/// <remarks>
/// <para>
/// Every pre-activation of the zeroed layer is exactly 0 for every example, so with ReLU'(0) = 0 the
/// backward pass sends nothing below the output layer's reach: most gradient tensors are exactly 0
/// (<see cref="ZooProblem{T}.SmallGradientTensors"/> lists them), and most of their entries are kinks.
/// </para>
/// <para>
/// Layer 1 zero (odd seeds): moving W1[i,j] makes z1[i,k] = t x[j,k], so unit i switches on for t &gt; 0
/// in the examples with x[j,k] = 1 and for t &lt; 0 in those with x[j,k] = -1: kinks meeting from
/// opposite sides, where 0 is often outside both one-sided derivatives. Moving b1[i] switches unit i on
/// in every example at once, from the same side. Layer 2 (biases ±1/2 or ±1, weights on the half grid)
/// is then a constant layer whose active units pass gradients to W3, b2 and b3.
/// </para>
/// <para>
/// Layer 2 zero (even seeds): moving W2[i,j] or b2[i] switches unit i on for t &gt; 0 in every example
/// where the moved input is positive: kinks meeting from the same side, where 0 is the left derivative.
/// Only b3's gradient is not 0 there.
/// </para>
/// <para>
/// Redrawn until the kinks are felt (some kink entry), on odd seeds 0 lies outside the one-sided
/// derivatives at some entry (<see cref="HalfGridReluNetwork{T}.EntriesOutsideOneSidedDerivatives"/>), no
/// non-zero tensor's largest entry is a kink, and
/// every tensor's largest gradient entry is either 0 or at least 1.25
/// <see cref="ZooProblem{T}.ResolvableGradientRatio"/> |J|, and every semantic bug is more than 1% wrong
/// at some entry that is not a kink. Semantic bugs, each wrong at b3 whose
/// derivative is smooth: the 1/m left out, the bias gradient from the first example only, and the
/// residual taken as y - output.
/// </para>
/// </remarks>
public sealed class ZeroInitialisedReluNetwork<T> : HalfGridReluNetwork<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly SemanticBug<T>[] semanticBugs;
    private readonly string[] smallGradientTensors = [];

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public ZeroInitialisedReluNetwork(int seed)
        : base("relu-zero-init", seed)
    {
        var random = new Gaussian(seed);
        int zeroLayer = seed % 2 == 1 ? 1 : 2;
        semanticBugs =
        [
            new("1/m left out", () => Backward(DenseMistake.None, OutputMistake.OneOverMLeftOut)),
            new("db from the first example only", () => Backward(DenseMistake.BiasFromFirstExample)),
            new("residual taken as y - output", () => Backward(DenseMistake.None, OutputMistake.ResidualSignFlipped)),
        ];
        do
        {
            T[,] x = IntegerInputs(random, -1, 1);
            Array.Copy(x, X, x.Length);
            Parameters["W1"] = zeroLayer == 1 ? new T[Sizes[1], Sizes[0]] : HalfGrid(random, Sizes[1], Sizes[0], -2, 2);
            Parameters["b1"] = zeroLayer == 1 ? new T[Sizes[1], 1] : HalfGrid(random, Sizes[1], 1, -1, 1);
            Parameters["W2"] = zeroLayer == 2 ? new T[Sizes[2], Sizes[1]] : HalfGrid(random, Sizes[2], Sizes[1], -2, 2);
            Parameters["b2"] = zeroLayer == 2 ? new T[Sizes[2], 1] : HalfGridAwayFromZero(random, Sizes[2], 1);
            Parameters["W3"] = HalfGridAwayFromZero(random, Sizes[3], Sizes[2]);
            Parameters["b3"] = random.Matrix<T>(Sizes[3], 1, 0.3);
            SetTargets(random);
        }
        while (!Analyse() || KinkEntries.Count == 0 || (zeroLayer == 1 && EntriesOutsideOneSidedDerivatives.Count == 0) || !NonZeroLargestEntriesAreSmooth() || !RatiosAreZeroOrClearlyResolvable() ||
               !SemanticBugsShowAwayFromKinks());

        smallGradientTensors = TensorsBelowResolvableRatio();
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;

    /// <inheritdoc />
    public override IReadOnlyCollection<string> SmallGradientTensors => smallGradientTensors;

    /// <summary>Every ratio 0 or at least 1.25 times the resolvable one, so float and double agree on which tensors are small.</summary>
    private bool RatiosAreZeroOrClearlyResolvable() =>
        GradientRatios().Values.All(ratio => ratio == 0.0 || ratio >= 1.25 * ResolvableGradientRatio);
}
