using BenchmarkDotNet.Attributes;
using GradCheck.Reporting;

namespace GradCheck.Benchmarks;

/// <summary>
/// What a check of a few entries of a large model allocates: one named tensor of 1 or 2 million
/// entries, read in place by a cost that allocates nothing (Σ x²), checked on a sample of 16 entries,
/// along 4 random directions or by the Taylor test, with its exact gradient or with planted mistakes.
/// </summary>
/// <remarks>
/// <see cref="AllocationSlopeColumn"/> gives the bytes per entry of the tensor: of them, 8 (a double)
/// are the snapshot a check must take to restore every parameter bit for bit; the rest is what the
/// check allocates per entry beyond it. The GlobalSetup requires the verdict each case must give, and
/// prints it (<see cref="CheckVerdictColumn"/>): a failing check allocates its diagnosis too, and a
/// failing fast check its localisation.
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

        /// <summary>The Taylor-remainder test along one random direction over the whole tensor.</summary>
        TaylorRemainder,
    }

    /// <summary>The gradient checked.</summary>
    public enum Gradient
    {
        /// <summary>2x, exact: every case passes.</summary>
        Exact,

        /// <summary>Every entry 1% too large: every case fails, and the sample or the localisation shows the factor.</summary>
        OnePercentOff,

        /// <summary>
        /// One entry doubled: the fast and Taylor checks fail along their directions and bisect their way to the
        /// entry; a sample of 16 misses it and passes (the trade a sample makes).
        /// </summary>
        OneEntryWrong,
    }

    private double[] weights = [];
    private Dictionary<string, double[]> parameters = [];
    private Dictionary<string, double[]> gradient = [];
    private GradientCheckOptions options = GradientCheckOptions.Default;

    /// <summary>The number of entries of the tensor: two sizes, for the slope.</summary>
    [Params(1_000_000, 2_000_000)]
    public int Entries { get; set; }

    /// <summary>The coverage.</summary>
    [Params(Sparse.SampledEntries16, Sparse.RandomDirections4, Sparse.TaylorRemainder)]
    public Sparse Coverage { get; set; }

    /// <summary>The gradient.</summary>
    [Params(Gradient.Exact, Gradient.OnePercentOff, Gradient.OneEntryWrong)]
    public Gradient Mistake { get; set; }

    /// <summary>Builds the tensor and its gradient, requires the verdict the case must give, and prints it.</summary>
    [GlobalSetup]
    public void SetUp()
    {
        weights = LoopAllocationProbe.Point(Entries);
        double[] dW = LoopAllocationProbe.GradientAt(weights);
        if (Mistake == Gradient.OnePercentOff)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(dW, 1.01, dW);
        }
        else if (Mistake == Gradient.OneEntryWrong)
        {
            dW[Entries / 3] *= 2;
        }

        parameters = new Dictionary<string, double[]> { ["W"] = weights };
        gradient = new Dictionary<string, double[]> { ["W"] = dW };
        options = new GradientCheckOptions
        {
            Coverage = Coverage switch
            {
                Sparse.SampledEntries16 => CheckCoverage.SampledEntries(16, seed: 1),
                Sparse.RandomDirections4 => CheckCoverage.RandomDirections(4, seed: 1),
                _ => CheckCoverage.TaylorRemainder(seed: 1),
            },
        };
        GradientCheckReport report = Check();
        bool shouldPass = Mistake == Gradient.Exact || (Mistake == Gradient.OneEntryWrong && Coverage == Sparse.SampledEntries16);
        bool found = Mistake != Gradient.OneEntryWrong || report.Passed || report.Tensors[0].WorstEntries[0].FlatIndex == Entries / 3;
        if (report.Passed != shouldPass || !found)
        {
            throw new InvalidOperationException($"The {Coverage} check of Σ x² with {Mistake} should have {(shouldPass ? "passed" : "failed")}:{Environment.NewLine}{report}");
        }

        Console.WriteLine(CheckFigures.Of(report, report.Tensors[0].CheckedEntryCount).ToLine());
    }

    /// <summary>A whole check, report and diagnosis included.</summary>
    [Benchmark]
    public GradientCheckReport Check() => GradientChecker.Check(() => LoopAllocationProbe.SumOfSquares(weights), parameters, gradient, options);
}
