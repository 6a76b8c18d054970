using System.Numerics;
using GradCheck.Coverage;
using GradCheck.Reporting;
using GradCheck.Running;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Reliability;

/// <summary>
/// Every way a check can end (pass, fail, a cost that throws, a cost that is NaN, a cost that writes to
/// its parameters, cancellation) under every coverage (every entry, a sample, random directions, two
/// workers): afterwards every parameter and every gradient equals its saved copy bit for bit, including
/// a -0, a subnormal and a tiny value, which a restore by arithmetic would not give back.
/// </summary>
[TestFixture(typeof(double))]
[TestFixture(typeof(float))]
public class NothingLostTests<T>
    where T : IFloatingPointIeee754<T>
{
    private const int Seed = 6;

    [Test]
    public void Every_parameter_and_gradient_ends_bit_for_bit_as_it_began([Values] FaultPath path, [Values] CheckedCoverage coverage)
    {
        TanhNetwork<T> network = Network();
        Dictionary<string, ulong[]> parameters = Bits.Of(network.Parameters);
        Dictionary<string, Array> gradients = network.Gradient(dropOneOverM: path == FaultPath.Fails);
        Dictionary<string, ulong[]> gradientBits = Bits.Of(gradients);
        using var cancellation = new CancellationTokenSource();
        var options = coverage.Options(sampledEntries: 5, seed: 3) with
        {
            CancellationToken = cancellation.Token,
        };
        GradientCheckTarget<T> target = GradientCheckTarget<T>.Named(CostOf(network, path, parameters, cancellation), network.Parameters)
            .WithWorkerModels(() =>
            {
                TanhNetwork<T> copy = Network();
                return WorkerModel.Of(CostOf(copy, path, parameters, cancellation), copy.Parameters);
            });

        void Check() => Outcome(path, target.Check(gradients, options));
        switch (path)
        {
            case FaultPath.ThrowsAtGivenPoint or FaultPath.ThrowsAtPerturbedPoint:
                Assert.Throws<CostEvaluationException>(Check);
                break;
            case FaultPath.Cancelled:
                Assert.That(Assert.Throws<OperationCanceledException>(Check).CancellationToken, Is.EqualTo(cancellation.Token));
                break;
            default:
                Check();
                break;
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Bits.Of(network.Parameters), Is.EqualTo(parameters));
            Assert.That(Bits.Of(gradients), Is.EqualTo(gradientBits));
        }
    }

    /// <summary>The network of seed 6 with a -0, a subnormal and a tiny weight.</summary>
    private static TanhNetwork<T> Network()
    {
        var network = new TanhNetwork<T>(Seed);
        network.W1[0, 0] = T.NegativeZero;
        network.W1[1, 2] = T.Epsilon;
        network.W2[2, 1] = T.CreateTruncating(1e-30);
        network.B1[0] = T.CreateTruncating(0.1);
        return network;
    }

    /// <summary>The cost of <paramref name="network"/>, misbehaving as <paramref name="path"/> says.</summary>
    private static Func<T> CostOf(TanhNetwork<T> network, FaultPath path, Dictionary<string, ulong[]> given, CancellationTokenSource cancellation)
    {
        int calls = 0;
        return () =>
        {
            calls++;
            bool perturbed = !Bits.Of(network.Parameters).All(pair => pair.Value.SequenceEqual(given[pair.Key]));
            switch (path)
            {
                case FaultPath.ThrowsAtGivenPoint:
                    throw new InvalidOperationException("the forward pass is not written yet");
                case FaultPath.ThrowsAtPerturbedPoint when perturbed:
                    network.W2[0, 0] = T.CreateTruncating(123);
                    throw new InvalidOperationException("diverged");
                case FaultPath.NaNAtPerturbedPoints when perturbed:
                    return T.NaN;
                case FaultPath.ModifiesParameters:
                    network.W2[0, 0] += T.One;
                    break;
                case FaultPath.Cancelled when calls == 5:
                    network.W2[0, 0] = T.CreateTruncating(123);
                    cancellation.Cancel();
                    break;
            }

            return network.Cost();
        };
    }

    /// <summary>Asserts the verdict a check that returned must have.</summary>
    private static void Outcome(FaultPath path, GradientCheckReport report)
    {
        Assert.That(report.Passed, Is.EqualTo(path == FaultPath.Passes), report.ToString);
        if (path == FaultPath.ModifiesParameters)
        {
            Assert.That(report.Obstacles.Select(obstacle => obstacle.Kind), Does.Contain(CheckObstacleKind.CostModifiedParameters));
        }
    }
}
