namespace GradCheck.Tests.Reliability;

/// <summary>The options that make a check cover the gradient one of the <see cref="CheckedCoverage"/> ways.</summary>
public static class CheckedCoverageOptions
{
    /// <summary>Options with the coverage and workers of <paramref name="coverage"/>, every other option at its default.</summary>
    /// <param name="coverage">The way to cover the gradient.</param>
    /// <param name="sampledEntries">How many entries per tensor a sample draws.</param>
    /// <param name="seed">The seed of the sample or of the directions.</param>
    public static GradientCheckOptions Options(this CheckedCoverage coverage, int sampledEntries, int seed) => new()
    {
        Coverage = coverage switch
        {
            CheckedCoverage.SampledEntries => CheckCoverage.SampledEntries(sampledEntries, seed),
            CheckedCoverage.RandomDirections => CheckCoverage.RandomDirections(seed: seed),
            _ => CheckCoverage.EveryEntry,
        },
        Workers = coverage == CheckedCoverage.TwoWorkers ? 2 : 1,
    };
}
