namespace GradCheck.Tests.Reliability;

/// <summary>The coverages, by how they read the gradient: copied (every entry, a sample) or in place (directions).</summary>
public enum GradientRead
{
    /// <summary><see cref="CheckCoverage.EveryEntry"/>: every entry copied.</summary>
    EveryEntry,

    /// <summary><see cref="CheckCoverage.SampledEntries"/>: the sample copied.</summary>
    SampledEntries,

    /// <summary><see cref="CheckCoverage.RandomDirections"/>: read in place.</summary>
    AlongRandomDirections,

    /// <summary><see cref="CheckCoverage.TaylorRemainder"/>: read in place.</summary>
    ByTaylorRemainder,
}
