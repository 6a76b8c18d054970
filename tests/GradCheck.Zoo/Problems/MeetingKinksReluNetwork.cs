using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Problem 16: a [3, 4, 4, 1] ReLU regression network on the half grid (see
/// <see cref="HalfGridReluNetwork{T}"/>): inputs in {-1, 0, 1}, hidden weights in {-1, -1/2, 0, 1/2, 1},
/// hidden biases in {-1/2, 0, 1/2}, output weights ±1/2 or ±1, so that many pre-activations are exactly 0
/// and, along some entries, two or more ReLUs switch at once (41 parameters). Has kinks, and kinks
/// that meet.
/// </summary>
/// <remarks>
/// <para>
/// On this grid a non-zero layer-1 pre-activation is at least 1/2 from 0 and a layer-2 one at least 1/4,
/// and no single entry moved by <see cref="ZooProblem{T}.StencilReach"/> max(1, |θ|) can move either that
/// far; the analysis confirms it for every draw. So every kink is at the point itself. Kinks meet
/// along a bias shared by several examples that sit at 0, along a weight whose input is +1 for one such
/// example and -1 for another (the two switch from opposite sides), and along a layer-1 entry whose
/// unit feeds a layer-2 pre-activation that is also 0.
/// </para>
/// <para>
/// Redrawn until every hidden unit is on for some example and each hidden layer is off somewhere, some
/// kinks meet, on odd seeds the hand-written value (ReLU'(0) = 0) lies outside the one-sided derivatives
/// at some entry (<see cref="HalfGridReluNetwork{T}.EntriesOutsideOneSidedDerivatives"/>), no tensor's
/// largest gradient entry is a kink, every tensor's gradient is resolvable, and every semantic bug is
/// more than 1% wrong at some entry that is not a kink. Semantic bugs: the ReLU
/// mask forgotten, the bias gradient from the first example only, and the error sent back through W2
/// instead of W2ᵀ (W2 is square, so the shapes do not catch it).
/// </para>
/// </remarks>
public sealed class MeetingKinksReluNetwork<T> : HalfGridReluNetwork<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly SemanticBug<T>[] semanticBugs;

    /// <summary>Builds the problem for <paramref name="seed"/>.</summary>
    public MeetingKinksReluNetwork(int seed)
        : base("relu-meeting-kinks", seed)
    {
        var random = new Gaussian(seed);
        bool outsideWanted = seed % 2 == 1;
        semanticBugs =
        [
            new("ReLU mask forgotten", () => Backward(DenseMistake.ReluMaskForgotten)),
            new("db from the first example only", () => Backward(DenseMistake.BiasFromFirstExample)),
            new("error sent back through W2 instead of W2ᵀ", () => Backward(DenseMistake.ErrorThroughUntransposedWeights)),
        ];
        do
        {
            T[,] x = IntegerInputs(random, -1, 1);
            Array.Copy(x, X, x.Length);
            Parameters["W1"] = HalfGrid(random, Sizes[1], Sizes[0], -2, 2);
            Parameters["b1"] = HalfGrid(random, Sizes[1], 1, -1, 1);
            Parameters["W2"] = HalfGrid(random, Sizes[2], Sizes[1], -2, 2);
            Parameters["b2"] = HalfGrid(random, Sizes[2], 1, -1, 1);
            Parameters["W3"] = HalfGridAwayFromZero(random, Sizes[3], Sizes[2]);
            Parameters["b3"] = random.Matrix<T>(Sizes[3], 1, 0.3);
            SetTargets(random);
        }
        while (!Stack.EveryHiddenUnitIsOnAndEveryLayerOffSomewhere(X) || !Analyse() || MeetingKinkEntries.Count == 0 ||
               (outsideWanted && EntriesOutsideOneSidedDerivatives.Count == 0) || !LargestEntriesAreSmooth(KinkEntries) || !GradientIsResolvable() ||
               !SemanticBugsShowAwayFromKinks());
    }

    /// <inheritdoc />
    public override IReadOnlyList<SemanticBug<T>> SemanticBugs => semanticBugs;
}
