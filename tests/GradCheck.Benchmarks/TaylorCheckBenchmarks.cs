using System.Globalization;
using System.Numerics;
using BenchmarkDotNet.Attributes;
using GradCheck.Reporting;

namespace GradCheck.Benchmarks;

/// <summary>
/// The Taylor-remainder test against the full check on the network, in double and float, on the correct
/// backward pass and on the seeds' two planted bugs (dW2 doubled, db1 times 4). Each setup requires the
/// verdict it expects (passed; or W2 and b1 failing and no other tensor) and prints the check's cost
/// evaluations and verdict for the columns (<see cref="CheckFigures"/>).
/// </summary>
/// <typeparam name="T">The element type: double or float.</typeparam>
[MemoryDiagnoser]
[GenericTypeArguments(typeof(double))]
[GenericTypeArguments(typeof(float))]
public class TaylorCheckBenchmarks<T>
    where T : IFloatingPointIeee754<T>
{
    private NetworkUnderTest<T> subject = null!;
    private Dictionary<string, T[,]> gradients = null!;

    /// <summary>The network's input size: 12288 for the measurement, a small one in a dry run.</summary>
    [ParamsSource(nameof(InputSizes))]
    public int Inputs { get; set; }

    /// <summary>Whether the seeds' bugs are planted in the backward pass.</summary>
    [Params(false, true)]
    public bool Planted { get; set; }

    /// <summary>The input sizes of this run.</summary>
    public static IEnumerable<int> InputSizes => NetworkUnderTest.InputSizes;

    /// <summary>Builds the network and requires the full check's verdict.</summary>
    [GlobalSetup(Target = nameof(FullCheck))]
    public void SetUpFull() => SetUp(FullCheck);

    /// <summary>Builds the network and requires the Taylor test's verdict.</summary>
    [GlobalSetup(Target = nameof(TaylorCheck))]
    public void SetUpTaylor() => SetUp(TaylorCheck);

    /// <summary>Every entry, with the default rule.</summary>
    [Benchmark(Baseline = true)]
    public GradientCheckReport FullCheck() => Check(CheckCoverage.EveryEntry);

    /// <summary>The Taylor-remainder test along one seeded direction per tensor, failing tensors localised.</summary>
    [Benchmark]
    public GradientCheckReport TaylorCheck() => Check(CheckCoverage.TaylorRemainder());

    private void SetUp(Func<GradientCheckReport> check)
    {
        subject = new NetworkUnderTest<T>(Inputs);
        gradients = Planted ? subject.GradientsWith(("dW2", 2.0), ("db1", 4.0)) : subject.Gradients;
        GradientCheckReport report = check();
        string failed = string.Join(", ", report.FailedTensors.Select(tensor => tensor.Name).Order(StringComparer.Ordinal));
        string expected = Planted ? "W2, b1" : string.Empty;
        if (report.Obstacles.Count > 0 || failed != expected)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The {typeof(T).Name} check ({report.Options.Coverage}) failed on [{failed}], not on [{expected}]:{Environment.NewLine}{report}"));
        }

        Console.WriteLine(CheckFigures.Of(report, subject.EntryCount).ToLine());
    }

    private GradientCheckReport Check(CheckCoverage coverage) =>
        GradientChecker.Check(subject.Cost, subject.Network.Parameters, gradients, new GradientCheckOptions { Coverage = coverage });
}
