using System.Globalization;

namespace GradCheck;

/// <summary>
/// How much of the gradient a check differentiates, and so how many cost evaluations it makes.
/// <list type="bullet">
/// <item><see cref="EveryEntry"/> (the default): every entry, 2 evaluations each with the two-point
/// rule, 4 to 12 with Richardson (see <see cref="DifferenceMethod"/>). Nothing is missed.</item>
/// <item><see cref="RandomDirections"/>: per tensor, the derivative along a few seeded random
/// directions against a · u (2 or 6 evaluations per direction, as PyTorch's fast gradcheck). A
/// tensor that fails is then localised: a sample of its entries is differentiated one by one and, if
/// none of them is wrong, the wrong entries are found by bisection with directions restricted to
/// halves of the tensor. Can miss a wrong gradient: see the remarks.</item>
/// <item><see cref="SampledEntries"/>: a seeded random sample of entries per tensor, each
/// differentiated as in the full check; for models too large for a full pass.</item>
/// <item><see cref="TaylorRemainder"/>: per tensor, the Taylor remainder R1(h) = |J(x + h u) - J(x) - h a · u|
/// along a seeded random direction u for halving steps h, which shrinks as h² when a is the gradient
/// along u and only as h when it is not (about 30 evaluations per tensor, whatever its size, and no
/// tolerance). A failing tensor is then localised as by <see cref="RandomDirections"/>.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para>
/// The chance that a random direction misses a wrong tensor. Along u = s ∘ v, with v a seeded Gaussian
/// of unit length and s = max(1, |x|) per entry, the error e = a - ∇J of the tensor shows as
/// e · u. For N entries, e · u is close to a normal variable of standard deviation ‖s ∘ e‖ / √N, and the
/// direction passes when |e · u| is within its bound B (the rule applied to a · u). One direction
/// therefore misses with probability about √(2/π) B √N / ‖s ∘ e‖ when that is small, and d independent
/// directions with its d-th power. A factor-2 bug (‖e‖ = ‖a‖) is missed with a chance of the order
/// of the tolerance; one wrong entry in a million-entry tensor needs to be wrong by about a thousand
/// times the tolerance of the whole tensor's a · u to be seen.
/// </para>
/// <para>
/// The seed fixes the directions and the samples: the same seed and options give the same report,
/// and a bug missed once is missed every run with that seed. Vary the seed (from the test's own seed,
/// or NUnit's <c>[Random]</c>) to draw new directions over the runs of a suite, and raise the number of
/// directions to make one run stronger.
/// </para>
/// </remarks>
public sealed record CheckCoverage
{
    /// <summary>How many entries of a failing tensor a random-direction check localises by default.</summary>
    public const int DefaultEntriesLocalised = 8;

    private CheckCoverage(CoverageKind kind, int count, int seed, int entriesLocalised)
    {
        Kind = kind;
        Count = count;
        Seed = seed;
        EntriesLocalised = entriesLocalised;
    }

    /// <summary>The full check: every entry of every tensor.</summary>
    public static CheckCoverage EveryEntry { get; } = new(CoverageKind.EveryEntry, 0, 0, 0);

    /// <summary>Which coverage this is.</summary>
    public CoverageKind Kind { get; }

    /// <summary>Directions per tensor (<see cref="CoverageKind.RandomDirections"/>) or entries per tensor (<see cref="CoverageKind.SampledEntries"/>); 0 for every entry.</summary>
    public int Count { get; }

    /// <summary>The seed of the directions and samples.</summary>
    public int Seed { get; }

    /// <summary>How many entries of a failing tensor a random-direction check differentiates one by one, at most.</summary>
    public int EntriesLocalised { get; }

    /// <summary>A fast check along <paramref name="directionsPerTensor"/> seeded random directions per tensor.</summary>
    /// <param name="directionsPerTensor">Directions per tensor, at least 1; each costs 2 or 6 evaluations.</param>
    /// <param name="seed">The seed of the directions and of the entries localised.</param>
    /// <param name="entriesLocalised">How many entries of a failing tensor to find and differentiate one by one, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is less than 1.</exception>
    public static CheckCoverage RandomDirections(int directionsPerTensor = 1, int seed = 0, int entriesLocalised = DefaultEntriesLocalised)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(directionsPerTensor, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(entriesLocalised, 1);
        return new(CoverageKind.RandomDirections, directionsPerTensor, seed, entriesLocalised);
    }

    /// <summary>A check of <paramref name="entriesPerTensor"/> seeded random entries of each tensor (all of a smaller tensor).</summary>
    /// <param name="entriesPerTensor">Entries per tensor, at least 1.</param>
    /// <param name="seed">The seed of the sample.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is less than 1.</exception>
    public static CheckCoverage SampledEntries(int entriesPerTensor, int seed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entriesPerTensor, 1);
        return new(CoverageKind.SampledEntries, entriesPerTensor, seed, 0);
    }

    /// <summary>
    /// The Taylor-remainder test along one seeded random direction per tensor: passes when R1(h) shrinks
    /// as h² where it stands above the measured noise of the cost (see <see cref="Reporting.TaylorReport"/>).
    /// </summary>
    /// <param name="seed">The seed of the directions and of the entries localised.</param>
    /// <param name="entriesLocalised">How many entries of a failing tensor to find and differentiate one by one, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The count is less than 1.</exception>
    public static CheckCoverage TaylorRemainder(int seed = 0, int entriesLocalised = DefaultEntriesLocalised)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entriesLocalised, 1);
        return new(CoverageKind.TaylorRemainder, 1, seed, entriesLocalised);
    }

    /// <summary>The C# that recreates this coverage, such as <c>CheckCoverage.RandomDirections(1, 0, 8)</c>.</summary>
    public override string ToString() => Kind switch
    {
        CoverageKind.RandomDirections => string.Create(CultureInfo.InvariantCulture, $"CheckCoverage.RandomDirections({Count}, {Seed}, {EntriesLocalised})"),
        CoverageKind.SampledEntries => string.Create(CultureInfo.InvariantCulture, $"CheckCoverage.SampledEntries({Count}, {Seed})"),
        CoverageKind.TaylorRemainder => string.Create(CultureInfo.InvariantCulture, $"CheckCoverage.TaylorRemainder({Seed}, {EntriesLocalised})"),
        _ => "CheckCoverage.EveryEntry",
    };
}
