using BenchmarkDotNet.Attributes;
using GradCheck.Reporting;

namespace GradCheck.Benchmarks;

/// <summary>
/// The seeds' two planted bugs (dW2 doubled, db1 times 4) found by a full two-point check and by the
/// fast check along one random direction per tensor, with each rule. The setup proves that each fast
/// check names exactly those two tensors and says how many cost evaluations it made.
/// </summary>
[MemoryDiagnoser]
public class FastCheckBenchmarks
{
    private NetworkUnderTest<double> subject = null!;
    private Dictionary<string, double[,]> planted = null!;

    /// <summary>The network's input size: 12288 for the measurement, a small one in a dry run.</summary>
    [ParamsSource(nameof(InputSizes))]
    public int Inputs { get; set; }

    /// <summary>The input sizes of this run.</summary>
    public static IEnumerable<int> InputSizes => NetworkUnderTest.InputSizes;

    /// <summary>Plants the bugs and checks that every variant names W2 and b1 and no other tensor.</summary>
    [GlobalSetup]
    public void SetUp()
    {
        subject = new NetworkUnderTest<double>(Inputs);
        planted = subject.GradientsWith(("dW2", 2.0), ("db1", 4.0));
        foreach (GradientCheckReport report in new[] { FullTwoPoint(), FastTwoPoint(), FastRichardson() })
        {
            string failed = string.Join(", ", report.FailedTensors.Select(tensor => tensor.Name).Order(StringComparer.Ordinal));
            if (failed != "W2, b1")
            {
                throw new InvalidOperationException($"The check named {failed}, not b1 and W2:{Environment.NewLine}{report}");
            }

            Console.WriteLine($"// {report.Options.Coverage} with {report.Options.Method}: {report.CostEvaluations} cost evaluations");
        }
    }

    /// <summary>Every entry, two evaluations each.</summary>
    [Benchmark(Baseline = true)]
    public GradientCheckReport FullTwoPoint() => Check(CheckCoverage.EveryEntry, DifferenceMethod.CentralTwoPoint);

    /// <summary>One random direction per tensor with the two-point rule, then the failing tensors localised.</summary>
    [Benchmark]
    public GradientCheckReport FastTwoPoint() => Check(CheckCoverage.RandomDirections(), DifferenceMethod.CentralTwoPoint);

    /// <summary>The same with the Richardson rule.</summary>
    [Benchmark]
    public GradientCheckReport FastRichardson() => Check(CheckCoverage.RandomDirections(), DifferenceMethod.Richardson);

    private GradientCheckReport Check(CheckCoverage coverage, DifferenceMethod method) =>
        GradientChecker.Check(subject.Cost, subject.Network.Parameters, planted, new GradientCheckOptions { Coverage = coverage, Method = method });
}
