using System.Globalization;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using GradCheck.Reporting;

namespace GradCheck.Benchmarks;

/// <summary>
/// The default check (<see cref="DifferenceMethod.Richardson"/>) of the cat network
/// (<see cref="NetworkUnderTest{T}"/>), in double and in float, against the same number of bare cost
/// evaluations, on the correct gradients and with dW1 multiplied by a planted factor.
/// </summary>
/// <remarks>
/// <para>
/// Every entry is evaluated at x ± h and x ± 2h; only an entry those 4 evaluations do not decide (a
/// kink suspected, a failure, an error estimate too large) is also evaluated at x ± 4h. So the
/// evaluations per entry (<see cref="EvaluationsPerEntryColumn"/>) say how many entries needed the
/// two more: 4 on a correct gradient that no entry's noise or kink holds up, up to 6 where a tensor is
/// wrong. Each case of the parameters (Inputs, DW1Factor) is its own group: the bare loop calls the cost as often as that
/// check does (the count taken from its report), so Ratio is the check's time over the time its cost
/// evaluations take by themselves, what the engine adds.
/// </para>
/// <para>
/// The GlobalSetup first proves that the benchmark measures what it says: with <see cref="DW1Factor"/>
/// 1 the check passes, with any other factor it fails on W1 and on no other tensor. Otherwise it
/// throws, and the run (the dry run in CI too) fails. It prints the check's figures
/// (<see cref="CheckFigures"/>) for the columns <see cref="EvaluationsPerEntryColumn"/> and
/// <see cref="CheckVerdictColumn"/>.
/// </para>
/// </remarks>
/// <typeparam name="T">The element type of the network, the cost and the check: double or float.</typeparam>
[MemoryDiagnoser]
[GenericTypeArguments(typeof(double))]
[GenericTypeArguments(typeof(float))]
public class EvaluationsPerEntryBenchmarks<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The gradient the planted factor multiplies: W1 holds 61,440 of the network's 61,481 entries.</summary>
    public const string PlantedGradient = "dW1";

    private NetworkUnderTest<T> subject = null!;
    private Dictionary<string, T[,]> gradients = null!;
    private long evaluations;

    /// <summary>The network's input size: 12288 for the measurement, a small one in a dry run.</summary>
    [ParamsSource(nameof(InputSizes))]
    public int Inputs { get; set; }

    /// <summary>
    /// The factor dW1 is multiplied by: 1 is the correct gradient; 1.01 and 2 are planted bugs, the
    /// first near float's resolution on W1's small entries, the second far above it.
    /// </summary>
    [Params(1.0, 1.01, 2.0)]
    public double DW1Factor { get; set; }

    /// <summary>The input sizes of this run.</summary>
    public static IEnumerable<int> InputSizes => NetworkUnderTest.InputSizes;

    /// <summary>Builds the network and its gradients, requires the check's expected verdict, and counts its cost evaluations.</summary>
    [GlobalSetup]
    public void SetUp()
    {
        subject = new NetworkUnderTest<T>(Inputs);
        gradients = DW1Factor == 1.0 ? subject.Gradients : subject.GradientsWith((PlantedGradient, DW1Factor));
        GradientCheckReport report = Check();
        string failed = string.Join(", ", report.FailedTensors.Select(tensor => tensor.Name));
        string expected = DW1Factor == 1.0 ? string.Empty : PlantedGradient[1..];
        if (report.Obstacles.Count > 0 || failed != expected)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The {typeof(T).Name} check with {PlantedGradient} × {DW1Factor} failed on [{failed}], not on [{expected}]:{Environment.NewLine}{report}"));
        }

        evaluations = report.CostEvaluations;
        Console.WriteLine(CheckFigures.Of(report, subject.EntryCount).ToLine());
    }

    /// <summary>The cost, called as often as the check calls it.</summary>
    [Benchmark(Baseline = true)]
    public T BareCosts() => subject.EvaluateCost(evaluations);

    /// <summary>A full check with the default rule.</summary>
    [Benchmark]
    public GradientCheckReport Check() => subject.Check(gradients, DifferenceMethod.Richardson);
}
