namespace GradCheck;

/// <summary>Which derivatives a check computes: see <see cref="CheckCoverage"/>.</summary>
public enum CoverageKind
{
    /// <summary>Every entry of every tensor, one by one: the full check.</summary>
    EveryEntry,

    /// <summary>A few random directions per tensor, then the entries of a failing tensor it can localise.</summary>
    RandomDirections,

    /// <summary>A seeded random sample of entries per tensor.</summary>
    SampledEntries,

    /// <summary>The Taylor-remainder test along a random direction per tensor, then the entries of a failing tensor it can localise.</summary>
    TaylorRemainder,
}
