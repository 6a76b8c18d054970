namespace GradCheck.Tests.Reliability;

/// <summary>The ways a check covers the gradient, each with its own loop over entries or directions.</summary>
public enum CheckedCoverage
{
    /// <summary>Every entry, on the calling thread.</summary>
    EveryEntry,

    /// <summary>A seeded sample of entries.</summary>
    SampledEntries,

    /// <summary>Random directions, and the localisation of a failing tensor.</summary>
    RandomDirections,

    /// <summary>Every entry, on two workers with a model each.</summary>
    TwoWorkers,
}
