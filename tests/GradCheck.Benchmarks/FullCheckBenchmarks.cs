using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using GradCheck.Reporting;

namespace GradCheck.Benchmarks;

/// <summary>
/// A full check of the cat network (<see cref="NetworkUnderTest{T}"/>, in double) against the same number of bare
/// cost evaluations, and against the seeds' algorithm doing the same work.
/// </summary>
/// <remarks>
/// <para>
/// Two groups, each with its own baseline: a loop that calls the cost exactly as often as the check
/// does, the count taken from a real check's report. Ratio is then the check's time over the time its
/// cost evaluations take by themselves: what the engine adds. The two-point group also holds the seeds'
/// algorithm (<see cref="SeedsGradientCheck"/>), which makes two evaluations per entry as the two-point
/// check does; seeds over check is the quotient of their means, measured in the same run.
/// </para>
/// <para>
/// Each GlobalSetup first proves that its benchmark measures what it says: the check of the correct
/// gradients passes, the seeds' difference is below their threshold. Otherwise it throws, and the run
/// (the dry run in CI too) fails. Setups target their benchmarks, so each process only pays for the
/// validation of its own benchmark.
/// </para>
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FullCheckBenchmarks
{
    private const string TwoPoint = nameof(DifferenceMethod.CentralTwoPoint);
    private const string Richardson = nameof(DifferenceMethod.Richardson);

    private NetworkUnderTest<double> subject = null!;
    private long evaluations;

    /// <summary>The network's input size: 12288 (the full image), or the smoke test's few.</summary>
    [ParamsSource(nameof(InputSizes))]
    public int Inputs { get; set; }

    /// <summary>The values of <see cref="Inputs"/>.</summary>
    public static IEnumerable<int> InputSizes => NetworkUnderTest.InputSizes;

    /// <summary>Builds the network and counts a passing two-point check's cost evaluations.</summary>
    [GlobalSetup(Targets = [nameof(BareCostsTwoPoint), nameof(CheckTwoPoint)])]
    public void SetUpTwoPoint() => SetUp(DifferenceMethod.CentralTwoPoint);

    /// <summary>Builds the network and counts a passing Richardson check's cost evaluations.</summary>
    [GlobalSetup(Targets = [nameof(BareCostsRichardson), nameof(CheckRichardson)])]
    public void SetUpRichardson() => SetUp(DifferenceMethod.Richardson);

    /// <summary>Builds the network and requires the seeds' algorithm to find its correct gradients correct.</summary>
    [GlobalSetup(Target = nameof(SeedsTwoPoint))]
    public void SetUpSeeds()
    {
        subject = new NetworkUnderTest<double>(Inputs);
        double difference = SeedsTwoPoint();
        if (!(difference < SeedsGradientCheck.Threshold))
        {
            throw new InvalidOperationException(
                $"The seeds' algorithm gives a difference of {difference:G4} on the correct gradients, not below {SeedsGradientCheck.Threshold:G1}: it no longer measures a passing check.");
        }
    }

    /// <summary>The cost, called as often as a two-point check calls it.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(TwoPoint)]
    public double BareCostsTwoPoint() => subject.EvaluateCost(evaluations);

    /// <summary>A full check with the two-point rule (2 evaluations per entry).</summary>
    [Benchmark]
    [BenchmarkCategory(TwoPoint)]
    public GradientCheckReport CheckTwoPoint() => subject.Check(DifferenceMethod.CentralTwoPoint);

    /// <summary>The seeds' algorithm on the same network and gradients (2 evaluations per entry, each on a rebuilt copy of every parameter).</summary>
    [Benchmark]
    [BenchmarkCategory(TwoPoint)]
    public double SeedsTwoPoint() => SeedsGradientCheck.Difference(subject.Network, subject.X, subject.Y, subject.Gradients);

    /// <summary>The cost, called as often as a Richardson check calls it.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(Richardson)]
    public double BareCostsRichardson() => subject.EvaluateCost(evaluations);

    /// <summary>A full check with the default Richardson rule (4 evaluations per entry, 6 for an entry the first 4 do not decide).</summary>
    [Benchmark]
    [BenchmarkCategory(Richardson)]
    public GradientCheckReport CheckRichardson() => subject.Check(DifferenceMethod.Richardson);

    private void SetUp(DifferenceMethod method)
    {
        subject = new NetworkUnderTest<double>(Inputs);
        evaluations = subject.CheckThatPasses(method).CostEvaluations;
    }
}
