using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Reliability;

/// <summary>
/// Two checks of one model at the same time, on two threads (two parallel tests sharing a static
/// model). The first has an entry moved when the second begins: a second check that was given its
/// gradient is refused at once, naming the tensor, whichever way it reaches the storage (the same
/// dictionary, another name for the same array, a slice of it, a worker's model); a problem's check,
/// which runs its backward pass itself, waits for the first and then passes. Either way the model ends
/// bit for bit as it began.
/// </summary>
[NonParallelizable]
public class SharedModelTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Ways a second check reaches the storage of the first's model.</summary>
    public enum SecondCheck
    {
        /// <summary>The same parameter dictionary.</summary>
        SameParameters,

        /// <summary>One of its arrays under another name.</summary>
        SameArrayUnderAnotherName,

        /// <summary>A Memory slice of one of its arrays.</summary>
        SliceOfOneOfItsArrays,

        /// <summary>A model of its own, whose worker model is the shared model.</summary>
        WorkerModelIsTheSharedModel,
    }

    private const int Seed = 21;

    [Test]
    public void A_second_check_of_storage_another_check_has_moved_is_refused_naming_the_tensor([Values] SecondCheck second)
    {
        var network = new TanhNetwork<double>(Seed);
        Dictionary<string, ulong[]> before = Bits.Of(network.Parameters);
        using var first = new BlockedCheck(network);

        InvalidOperationException? refused = null;
        first.WhileAnEntryIsMoved(() => refused = Assert.Throws<InvalidOperationException>(() => Check(second, network)));

        string tensor = second switch
        {
            SecondCheck.SameArrayUnderAnotherName => "bias",
            SecondCheck.SliceOfOneOfItsArrays => "tail",
            _ => "W1",
        };
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused?.Message, Does.StartWith($"{tensor} is being checked by another check at this moment").And.Contain("Give each test its own model"));
            Assert.That(first.Report.Passed, Is.True, first.Report.ToString());
            Assert.That(Bits.Of(network.Parameters), Is.EqualTo(before));
        }
    }

    [Test]
    public void A_problems_check_waits_for_the_check_that_has_its_model_and_then_passes()
    {
        var network = new TanhNetwork<double>(Seed);
        Dictionary<string, ulong[]> before = Bits.Of(network.Parameters);
        int backwardPasses = 0;
        bool atGivenPoint = true;
        using var first = new BlockedCheck(network);
        GradientProblem<double> problem = GradientProblem.Create("Shared", network.Parameters, network.Cost, () =>
        {
            atGivenPoint &= Bits.Of(network.Parameters).All(pair => pair.Value.SequenceEqual(before[pair.Key]));
            Interlocked.Increment(ref backwardPasses);
            return network.Gradient();
        });

        GradientCheckReport? report = null;
        Thread? waiting = null;
        first.WhileAnEntryIsMoved(() =>
        {
            waiting = new Thread(() => report = problem.Check());
            waiting.Start();

            // Long enough for a problem that did not wait to have run its backward pass at the moved point.
            Thread.Sleep(300);
        });
        Assert.That(waiting!.Join(Patience), Is.True, "the problem's check never ended");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(backwardPasses, Is.GreaterThan(0));
            Assert.That(atGivenPoint, Is.True, "the backward pass ran while the other check had an entry moved");
            Assert.That(report?.Passed, Is.True, report?.ToString());
            Assert.That(first.Report.Passed, Is.True, first.Report.ToString());
            Assert.That(Bits.Of(network.Parameters), Is.EqualTo(before));
        }
    }

    private static GradientCheckReport Check(SecondCheck second, TanhNetwork<double> network)
    {
        switch (second)
        {
            case SecondCheck.SameArrayUnderAnotherName:
                return GradientCheckTarget<double>.Named(() => network.B1.Sum(), new Dictionary<string, double[]> { ["bias"] = network.B1 })
                    .Check(new Dictionary<string, double[]> { ["bias"] = [1.0, 1.0, 1.0] });
            case SecondCheck.SliceOfOneOfItsArrays:
                return GradientCheckTarget<double>.Named(() => network.B2[1] + network.B2[2], new Dictionary<string, Memory<double>> { ["tail"] = network.B2.AsMemory(1, 2) })
                    .Check(new Dictionary<string, double[]> { ["tail"] = [1.0, 1.0] });
            case SecondCheck.WorkerModelIsTheSharedModel:
                var own = new TanhNetwork<double>(Seed);
                return GradientCheckTarget<double>.Named(own.Cost, own.Parameters)
                    .WithWorkerModels(() => WorkerModel.Of(network.Cost, network.Parameters))
                    .Check(own.Gradient(), new GradientCheckOptions { Workers = 2 });
            default:
                return GradientChecker.Check(network.Cost, network.Parameters, network.Gradient());
        }
    }

    /// <summary>A check of a network on a thread of its own, which stops at its first perturbed evaluation until released.</summary>
    private sealed class BlockedCheck : IDisposable
    {
        private readonly ManualResetEventSlim moved = new();
        private readonly ManualResetEventSlim release = new();
        private readonly Thread thread;
        private GradientCheckReport? report;

        public BlockedCheck(TanhNetwork<double> network)
        {
            Dictionary<string, Array> gradient = network.Gradient();
            int evaluations = 0;
            double Cost()
            {
                // Evaluations 1 and 2 are at the given point; the third has W1[0,0] moved.
                if (++evaluations == 3)
                {
                    moved.Set();
                    release.Wait(Patience);
                }

                return network.Cost();
            }

            thread = new Thread(() =>
            {
                report = GradientChecker.Check(Cost, network.Parameters, gradient);
            });
            thread.Start();
        }

        public GradientCheckReport Report => report ?? throw new InvalidOperationException("The first check has not ended.");

        /// <summary>Runs <paramref name="action"/> while the check has an entry moved, then lets the check end.</summary>
        public void WhileAnEntryIsMoved(Action action)
        {
            Assert.That(moved.Wait(Patience), Is.True, "the first check never moved an entry");
            try
            {
                action();
            }
            finally
            {
                release.Set();
                Assert.That(thread.Join(Patience), Is.True, "the first check never ended");
            }
        }

        public void Dispose()
        {
            release.Set();
            thread.Join(Patience);
            moved.Dispose();
            release.Dispose();
        }
    }
}
