using BenchmarkDotNet.Attributes;
using GradCheck.Reporting;

namespace GradCheck.Benchmarks;

/// <summary>
/// What a check of a few entries of a large model allocates: one named tensor of 1 or 2 million
/// entries, read in place by a cost that allocates nothing (Σ x²), checked on a sample of 16 entries
/// or along 4 random directions.
/// </summary>
/// <remarks>
/// <see cref="AllocationSlopeColumn"/> gives the bytes per entry of the tensor: of them, 8 (a double)
/// are the snapshot a check must take to restore every parameter bit for bit; the rest is what the
/// check holds per entry beyond it. The GlobalSetup requires the check to pass.
/// </remarks>
[MemoryDiagnoser]
public class LargeModelAllocationBenchmarks
{
    /// <summary>How the large tensor is covered.</summary>
    public enum Sparse
    {
        /// <summary>16 entries drawn by seed, each differentiated on its own.</summary>
        SampledEntries16,

        /// <summary>4 random directions over the whole tensor.</summary>
        RandomDirections4,
    }

    private double[] weights = [];
    private Dictionary<string, double[]> parameters = [];
    private Dictionary<string, double[]> gradient = [];
    private GradientCheckOptions options = GradientCheckOptions.Default;

    /// <summary>The number of entries of the tensor: two sizes, for the slope.</summary>
    [Params(1_000_000, 2_000_000)]
    public int Entries { get; set; }

    /// <summary>The coverage.</summary>
    [Params(Sparse.SampledEntries16, Sparse.RandomDirections4)]
    public Sparse Coverage { get; set; }

    /// <summary>Builds the tensor and its exact gradient, and requires a passing check.</summary>
    [GlobalSetup]
    public void SetUp()
    {
        weights = LoopAllocationProbe.Point(Entries);
        parameters = new Dictionary<string, double[]> { ["W"] = weights };
        gradient = new Dictionary<string, double[]> { ["W"] = LoopAllocationProbe.GradientAt(weights) };
        options = new GradientCheckOptions
        {
            Coverage = Coverage == Sparse.SampledEntries16 ? CheckCoverage.SampledEntries(16, seed: 1) : CheckCoverage.RandomDirections(4, seed: 1),
        };
        GradientCheckReport report = Check();
        if (!report.Passed)
        {
            throw new InvalidOperationException($"The {Coverage} check of the exact gradient of Σ x² failed:{Environment.NewLine}{report}");
        }
    }

    /// <summary>A whole check, report included.</summary>
    [Benchmark]
    public GradientCheckReport Check() => GradientChecker.Check(() => LoopAllocationProbe.SumOfSquares(weights), parameters, gradient, options);
}
