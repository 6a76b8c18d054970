using BenchmarkDotNet.Attributes;
using GradCheck.Reporting;

namespace GradCheck.Benchmarks;

/// <summary>
/// What a check allocates, split into what grows with the number of entries and what the
/// differentiation loop itself allocates, on a cost that allocates nothing (Σ x² over a vector).
/// </summary>
/// <remarks>
/// The MemoryDiagnoser's Allocated is a whole check: setup, loop and report. The same check at two sizes
/// gives the bytes per entry (<see cref="AllocationSlopeColumn"/>): the arrays a check allocates once
/// for every entry (parameter snapshot, the flat target's copy of theta, the report's estimates, error
/// estimates, one-sided derivatives, bounds and outcomes). <see cref="LoopAllocationColumn"/> counts the
/// loop alone, which should be 0: any byte there would be paid once per entry per evaluation, at every
/// check. The GlobalSetup requires both checks to pass and the loop to allocate nothing.
/// </remarks>
[MemoryDiagnoser]
public class CheckAllocationBenchmarks
{
    private double[] theta = [];
    private double[] gradient = [];
    private GradientCheckOptions options = GradientCheckOptions.Default;

    /// <summary>The number of entries of theta: two sizes, for the slope.</summary>
    [Params(1_000, 2_000)]
    public int Entries { get; set; }

    /// <summary>The difference rule (<see cref="GradientCheckOptions.Method"/>; named apart from the summary's Method column, which names the benchmark).</summary>
    [Params(DifferenceMethod.CentralTwoPoint, DifferenceMethod.Richardson)]
    public DifferenceMethod Rule { get; set; }

    /// <summary>Builds theta and its exact gradient, and requires a passing check whose loop allocates nothing.</summary>
    [GlobalSetup]
    public void SetUp()
    {
        theta = LoopAllocationProbe.Point(Entries);
        gradient = LoopAllocationProbe.GradientAt(theta);
        options = new GradientCheckOptions { Method = Rule };
        GradientCheckReport report = Check();
        if (!report.Passed)
        {
            throw new InvalidOperationException($"The {Rule} check of the exact gradient of Σ x² failed:{Environment.NewLine}{report}");
        }

        double loopBytes = LoopAllocationProbe.BytesPerEntry(Entries, Rule);
        if (loopBytes != 0)
        {
            throw new InvalidOperationException($"The {Rule} differentiation loop allocates {loopBytes:G4} bytes per entry; it should allocate none.");
        }
    }

    /// <summary>A whole check, report included.</summary>
    [Benchmark]
    public GradientCheckReport Check() => GradientChecker.Check<double>(LoopAllocationProbe.SumOfSquares, theta, gradient, options);
}
