using BenchmarkDotNet.Attributes;
using GradCheck.Examples.Models;
using GradCheck.Reporting;

namespace GradCheck.Benchmarks;

/// <summary>
/// A full two-point check of the network on one worker against the same check spread over two, each
/// worker perturbing its own copy of the network (<see cref="GradientCheckTarget{T}.WithWorkerModels"/>).
/// The setup proves that both give the same report, byte for byte.
/// </summary>
[MemoryDiagnoser]
public class ParallelCheckBenchmarks
{
    private static readonly GradientCheckOptions Serial = new() { Method = DifferenceMethod.CentralTwoPoint };

    private NetworkUnderTest<double> subject = null!;
    private GradientCheckTarget<double> target = null!;

    /// <summary>The network's input size: 12288 for the measurement, a small one in a dry run.</summary>
    [ParamsSource(nameof(InputSizes))]
    public int Inputs { get; set; }

    /// <summary>The input sizes of this run.</summary>
    public static IEnumerable<int> InputSizes => NetworkUnderTest.InputSizes;

    /// <summary>Builds the network and its worker copies, and checks that one and two workers report alike.</summary>
    [GlobalSetup]
    public void SetUp()
    {
        subject = new NetworkUnderTest<double>(Inputs);
        target = GradientCheckTarget<double>.Named(subject.Cost, subject.Network.Parameters).WithWorkerModels(() =>
        {
            var copy = new DenseNetwork<double>(subject.Network.LayerSizes, Activation.Tanh, seed: NetworkUnderTest.Seed);
            return WorkerModel.Of(() => copy.Cost(subject.X, subject.Y), copy.Parameters);
        });
        GradientCheckReport serial = OneWorker();
        GradientCheckReport parallel = TwoWorkers();
        if (!serial.Passed || parallel.ToString() != serial.ToString())
        {
            throw new InvalidOperationException($"Two workers did not give the serial report:{Environment.NewLine}{serial}{Environment.NewLine}{parallel}");
        }
    }

    /// <summary>The serial check.</summary>
    [Benchmark(Baseline = true)]
    public GradientCheckReport OneWorker() => target.Check(subject.Gradients, Serial);

    /// <summary>The same check on two workers.</summary>
    [Benchmark]
    public GradientCheckReport TwoWorkers() => target.Check(subject.Gradients, Serial with { Workers = 2 });
}
