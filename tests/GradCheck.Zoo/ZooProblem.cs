using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// One differentiable problem of the zoo: parameters, a cost that reads them, the hand-written
/// gradient of that cost, and the same backward pass with realistic mistakes in it.
/// </summary>
/// <remarks>
/// <para>
/// A gradient checker perturbs the arrays in <see cref="Parameters"/> in place between calls to
/// <see cref="Cost"/>, so every implementation reads them afresh on every call and caches nothing
/// derived from them. Data that is not a parameter (inputs, targets, fixed read-outs) may be kept.
/// </para>
/// <para>
/// Every problem is built from a seed alone, identically in <c>float</c> and <c>double</c> up to the
/// rounding of the drawn numbers, so a failure can be replayed as (problem, type, seed).
/// </para>
/// </remarks>
/// <typeparam name="T">The floating-point type of the parameters and the cost.</typeparam>
public abstract class ZooProblem<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>Creates an empty problem; the derived constructor adds the parameters.</summary>
    /// <param name="name">The problem's name in reports and tables, such as <c>tanh-network</c>.</param>
    /// <param name="seed">The seed every random number of the problem is drawn from.</param>
    protected ZooProblem(string name, int seed)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Seed = seed;
    }

    /// <summary>The problem's name, such as <c>tanh-network</c>.</summary>
    public string Name { get; }

    /// <summary>The seed the problem was built from.</summary>
    public int Seed { get; }

    /// <summary>
    /// Every parameter, by name, as a matrix (vectors are (n, 1) or (1, n)), in the order a report
    /// should list them. A checker perturbs these arrays in place.
    /// </summary>
    public Dictionary<string, T[,]> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>The number of parameter entries (each costs a checker 2 to 4 evaluations of the cost).</summary>
    public int ParameterCount => Parameters.Values.Sum(parameter => parameter.Length);

    /// <summary>
    /// The smallest max |gradient entry| / |cost| that every tensor of every problem is built to have.
    /// A float central difference resolves a derivative only to about ε |J| / h ≈ 2.4e-5 |J|; at 2e-2 |J|
    /// a 1% error in the tensor's largest entry is still 8 times that, so a good checker can see it.
    /// </summary>
    public const double ResolvableGradientRatio = 2e-2;

    /// <summary>
    /// How far a checker in the sweep moves one entry, relative to max(1, |entry|): GradCheck's widest
    /// float point is x ± 4h with h = ε^(1/5) / 4 ≈ 0.0103, that is 0.041. A smooth problem keeps every
    /// kink of its cost further away than this along every entry, so no stencil straddles one.
    /// </summary>
    public const double StencilReach = 0.05;

    /// <summary>
    /// True when, by construction, some parameter entries sit exactly on a point where the cost is not
    /// differentiable (a ReLU at 0, |w| at 0, a tie in a max): when <see cref="KinkEntries"/> is not
    /// empty. There the hand-written gradient uses the usual convention (ReLU'(0) = 0, sign(0) = 0, the
    /// first of tied maxima), a one-sided derivative or a subgradient, and a central difference
    /// straddling the kink cannot confirm it.
    /// </summary>
    public bool HasKinks => KinkEntries.Count > 0;

    /// <summary>
    /// The entries, labelled like <c>W1[2,0]</c>, whose perturbation moves the cost across a kink at the
    /// point as built (a checker's perturbations are undone before it looks at them again). Empty for a
    /// smooth problem. Every other entry is at least a few finite-difference steps from any kink.
    /// </summary>
    public virtual IReadOnlyCollection<string> KinkEntries => [];

    /// <summary>
    /// The kink entries (a subset of <see cref="KinkEntries"/>) along which two or more kinks meet at the
    /// point as built: moving the entry either way switches two or more ReLU pre-activations (of one
    /// example or of several) at once. There the chain rule with ReLU'(0) = 0 need not give either
    /// one-sided derivative, nor anything between them, so no check at this point can confirm or refute
    /// the hand-written value; a checker may say so ("not checkable here") rather than pass or fail it.
    /// Empty unless a problem is built to have such meetings.
    /// </summary>
    public virtual IReadOnlyCollection<string> MeetingKinkEntries => [];

    /// <summary>
    /// The tensors built on purpose with a largest |gradient entry| below
    /// <see cref="ResolvableGradientRatio"/> |cost| (possibly all 0): a float difference cannot see a 1%
    /// error in them. Empty for every problem built to be resolvable, which is most of the zoo. Each
    /// tensor's actual ratio is <see cref="GradientRatios"/>.
    /// </summary>
    public virtual IReadOnlyCollection<string> SmallGradientTensors => [];

    /// <summary>
    /// The smallest change of a gradient entry, relative to |cost|, that the zoo promises a good checker
    /// can see in float: a 1% error in a tensor whose largest entry is <see cref="ResolvableGradientRatio"/>
    /// |cost|, that is 2e-4 |cost|. A bug that changes only <see cref="SmallGradientTensors"/> and no entry
    /// by this much is below that promise (<see cref="Verdict.IsBelowResolution"/>), and a sweep counts its
    /// verdict apart.
    /// </summary>
    public const double ResolvableChange = 0.01 * ResolvableGradientRatio;

    /// <summary>
    /// The problem's own backward pass, each time with one realistic mistake in it. Every one is a real
    /// bug at every seed: it is wrong at entries where the cost is differentiable.
    /// </summary>
    public abstract IReadOnlyList<SemanticBug<T>> SemanticBugs { get; }

    /// <summary>The cost at the current parameters, read afresh on every call.</summary>
    public abstract T Cost();

    /// <summary>The hand-written gradient at the current parameters, keyed by parameter name, with the parameters' shapes.</summary>
    public abstract Dictionary<string, T[,]> Gradient();

    /// <inheritdoc />
    public override string ToString() => $"{Name} (seed {Seed}, {ParameterCount} parameters)";

    /// <summary>The label of an entry: <c>W1[2,0]</c>.</summary>
    public static string EntryLabel(string tensor, int row, int column) => $"{tensor}[{row},{column}]";

    /// <summary>
    /// Each tensor's max |gradient entry| / |cost| at the current parameters, in double, keyed by
    /// parameter name in parameter order: below <see cref="ResolvableGradientRatio"/> exactly for the
    /// <see cref="SmallGradientTensors"/>.
    /// </summary>
    public IReadOnlyDictionary<string, double> GradientRatios()
    {
        double cost = Math.Abs(double.CreateTruncating(Cost()));
        Dictionary<string, T[,]> gradients = Gradient();
        var ratios = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string name in Parameters.Keys)
        {
            double largest = 0.0;
            foreach (T value in gradients[name])
            {
                largest = Math.Max(largest, Math.Abs(double.CreateTruncating(value)));
            }

            ratios.Add(name, largest / cost);
        }

        return ratios;
    }

    /// <summary>
    /// Whether every tensor's largest |gradient entry| is at least <see cref="ResolvableGradientRatio"/>
    /// times |cost|. Problems whose random draws can fall short redraw until this holds.
    /// </summary>
    protected bool GradientIsResolvable()
    {
        double cost = Math.Abs(double.CreateTruncating(Cost()));
        foreach (T[,] gradient in Gradient().Values)
        {
            double largest = 0.0;
            foreach (T value in gradient)
            {
                largest = Math.Max(largest, Math.Abs(double.CreateTruncating(value)));
            }

            if (largest < ResolvableGradientRatio * cost)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether every tensor's <see cref="GradientRatios"/> entry is either in [<paramref name="smallAtLeast"/>,
    /// <paramref name="smallBelow"/>) (a small-gradient tensor) or at least 1.25 times
    /// <see cref="ResolvableGradientRatio"/> (so that float and double agree on which are small), none in
    /// between, and at least one is small: how problems built to have <see cref="SmallGradientTensors"/>
    /// keep them clearly apart from the rest.
    /// </summary>
    protected bool SmallGradientsAreClear(double smallAtLeast, double smallBelow)
    {
        IReadOnlyDictionary<string, double> ratios = GradientRatios();
        return ratios.Values.Any(ratio => ratio < smallBelow) &&
            ratios.Values.All(ratio => (ratio >= smallAtLeast && ratio < smallBelow) || ratio >= 1.25 * ResolvableGradientRatio);
    }

    /// <summary>The tensors whose <see cref="GradientRatios"/> entry is below <see cref="ResolvableGradientRatio"/>, in parameter order.</summary>
    protected string[] TensorsBelowResolvableRatio() =>
        [.. GradientRatios().Where(pair => pair.Value < ResolvableGradientRatio).Select(pair => pair.Key)];

    /// <summary>
    /// Whether, in every tensor, the largest-magnitude gradient entry (the first, if several) is not a
    /// kink entry. Kinked problems redraw until this holds, so that doubling that entry, a planted bug,
    /// is wrong where the cost is smooth and not merely another one-sided derivative at a kink.
    /// </summary>
    protected bool LargestEntriesAreSmooth(IReadOnlyCollection<string> kinks)
    {
        ArgumentNullException.ThrowIfNull(kinks);
        foreach ((string name, T[,] gradient) in Gradient())
        {
            (int row, int column) = (0, 0);
            for (int i = 0; i < gradient.GetLength(0); i++)
            {
                for (int j = 0; j < gradient.GetLength(1); j++)
                {
                    if (T.Abs(gradient[i, j]) > T.Abs(gradient[row, column]))
                    {
                        (row, column) = (i, j);
                    }
                }
            }

            if (kinks.Contains(EntryLabel(name, row, column)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether every <see cref="SemanticBugs"/> entry is off from the hand-written gradient by more than 1%
    /// (plus 1e-6 |cost|) at some entry that is not a kink: a real bug where the cost is smooth, not
    /// merely another one-sided derivative. Problems whose bugs can vanish at some draws redraw until
    /// this holds.
    /// </summary>
    protected bool SemanticBugsShowAwayFromKinks()
    {
        Dictionary<string, T[,]> correct = Gradient();
        double floor = 1e-6 * Math.Abs(double.CreateTruncating(Cost()));
        foreach (SemanticBug<T> bug in SemanticBugs)
        {
            Dictionary<string, T[,]> wrong = bug.Gradient();
            bool shows = false;
            foreach ((string name, T[,] right) in correct)
            {
                for (int i = 0; i < right.GetLength(0) && !shows; i++)
                {
                    for (int j = 0; j < right.GetLength(1) && !shows; j++)
                    {
                        double a = double.CreateTruncating(right[i, j]);
                        double b = double.CreateTruncating(wrong[name][i, j]);
                        shows = !KinkEntries.Contains(EntryLabel(name, i, j)) && Math.Abs(a - b) > (1e-2 * Math.Max(Math.Abs(a), Math.Abs(b))) + floor;
                    }
                }
            }

            if (!shows)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether every quantity that <paramref name="kinkedQuantities"/> returns (the inputs of the
    /// problem's ReLUs, say) is non-zero and keeps its sign when any one parameter entry moves by up to
    /// ± <see cref="StencilReach"/> · max(1, |entry|): then no stencil of a checker crosses a kink.
    /// </summary>
    /// <remarks>
    /// Checking the two ends of each move suffices when each quantity is affine in a single entry as long
    /// as the quantities before it keep their signs, as for a stack of ReLU layers on affine maps: the
    /// first layer's are affine along the move, so same signs at x, at x - r and at x + r mean the same sign
    /// all along; then the next layer's are affine along it too, and so on. Every entry is restored exactly.
    /// </remarks>
    protected bool SignsHoldWithinStencilReach(Func<IEnumerable<T[,]>> kinkedQuantities)
    {
        ArgumentNullException.ThrowIfNull(kinkedQuantities);
        int[] baseline = Signs(kinkedQuantities());
        if (baseline.Contains(0))
        {
            return false;
        }

        foreach (T[,] parameter in Parameters.Values)
        {
            for (int i = 0; i < parameter.GetLength(0); i++)
            {
                for (int j = 0; j < parameter.GetLength(1); j++)
                {
                    T original = parameter[i, j];
                    T reach = T.CreateTruncating(StencilReach) * T.Max(T.One, T.Abs(original));
                    try
                    {
                        foreach (T moved in (ReadOnlySpan<T>)[original - reach, original + reach])
                        {
                            parameter[i, j] = moved;
                            if (!Signs(kinkedQuantities()).AsSpan().SequenceEqual(baseline))
                            {
                                return false;
                            }
                        }
                    }
                    finally
                    {
                        parameter[i, j] = original;
                    }
                }
            }
        }

        return true;
    }

    private static int[] Signs(IEnumerable<T[,]> quantities) =>
        [.. quantities.SelectMany(quantity => quantity.Cast<T>()).Select(value => T.Sign(value))];

    /// <summary>Adds a parameter and returns it, so constructors read as a list of parameters.</summary>
    protected T[,] AddParameter(string name, T[,] value)
    {
        Parameters.Add(name, value);
        return value;
    }

    /// <summary>The current value of a parameter (the array itself, which a checker may be perturbing).</summary>
    protected T[,] Parameter(string name) => Parameters[name];
}
