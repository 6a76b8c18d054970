using GradCheck.Comparison;

namespace GradCheck;

/// <summary>
/// How a gradient check is run and reported. Immutable: derive variants with
/// <c>options with { Tolerance = GradientTolerance.Within(1e-7) }</c>.
/// </summary>
public sealed record GradientCheckOptions
{
    /// <summary>How many of a failing tensor's worst entries a report lists by default.</summary>
    public const int DefaultWorstEntriesShown = 8;

    private readonly int worstEntriesShown = DefaultWorstEntriesShown;

    /// <summary>The defaults: the element type's own tolerance, 8 entries shown per failing tensor.</summary>
    public static GradientCheckOptions Default { get; } = new();

    /// <summary>
    /// The pass rule, or null for <see cref="GradientTolerance.DefaultFor{T}"/> of the element type
    /// (which also allows for the round-off of the numerical derivative).
    /// </summary>
    public GradientTolerance? Tolerance { get; init; }

    /// <summary>How many of a failing tensor's worst entries the report lists (at least 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int WorstEntriesShown
    {
        get => worstEntriesShown;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            worstEntriesShown = value;
        }
    }
}
