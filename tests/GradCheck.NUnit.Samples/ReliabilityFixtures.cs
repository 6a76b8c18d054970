using GradCheck.Examples.Models;
using NUnit.Framework;
using NUnit.Framework.Constraints;
using NUnit.Framework.Internal;

namespace GradCheck.NUnit.Samples;

// Fixtures for the reliability tests of GradCheck.NUnit.Tests, which run them in process and look at
// the results and at the models afterwards.

/// <summary>A check far slower than the test's <c>[CancelAfter]</c> allows.</summary>
public sealed class CancelledCheck
{
    /// <summary>The model the check perturbs, for the test to compare with its saved copy after the run.</summary>
    public static DenseNetwork<double> Network { get; } = new([4, 5, 3, 1], Activation.Tanh, seed: 1);

    [Test]
    [CancelAfter(300)]
    public void Slow_cost()
    {
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        double Cost()
        {
            // 47 parameters, 6 evaluations each, 20 ms an evaluation: about 6 s without the timeout.
            Thread.Sleep(20);
            return Network.Cost(x, y);
        }

        Assert.That(Network.Backward(x, y), Is.GradientOf(Cost).WithRespectTo(Network.Parameters));
    }
}

/// <summary>64 checks that may all run at once, half of them of a gradient with a planted bug.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class SixtyFourChecks
{
    /// <summary>How many cases the fixture has.</summary>
    public const int Count = 64;

    /// <summary>
    /// When set, every case waits at it before its check until all have arrived, which proves that
    /// they ran at the same time; null to run them one by one.
    /// </summary>
    public static CountdownEvent? Gate { get; set; }

    private static IEnumerable<int> Numbers => Enumerable.Range(0, Count);

    [TestCaseSource(nameof(Numbers))]
    public void Check(int number)
    {
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        var network = new DenseNetwork<double>([4, 5, 3, 1], Activation.Tanh, seed: number);
        Dictionary<string, double[,]> gradients = network.Backward(x, y);
        if (number % 2 == 1)
        {
            gradients["dW2"][0, number % 5] *= 1.5;
        }

        if (Gate is { } gate)
        {
            gate.Signal();
            if (!gate.Wait(TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"only {Count - gate.CurrentCount} of {Count} cases had started after 60 s");
            }
        }

        Assert.That(gradients, Is.GradientOf(() => network.Cost(x, y)).WithRespectTo(network.Parameters));
    }
}

/// <summary>A passing check with an entry it cannot decide: the test passes and its output says why.</summary>
public sealed class PassWithALimit
{
    [Test]
    public void Kink_entry_not_checkable() =>
        Assert.That(new[] { 1.5, 1.0 }, Is.GradientOf((double[] t) => Math.Abs(t[0]) + (t[1] * t[1])).At([0.0, 0.5]));
}

/// <summary>
/// The six cases of one problem (a three-layer network, one case per tensor), all of one shared model,
/// in a fixture whose cases may run at once: each case perturbs the same model.
/// </summary>
[Parallelizable(ParallelScope.All)]
public sealed class SharedProblemCases
{
    /// <summary>The model every case checks, for the test to compare with its saved copy after the run.</summary>
    public static DenseNetwork<double> Network { get; } = new([4, 5, 3, 1], Activation.Tanh, seed: 3);

    /// <summary>One problem object, read by every case: the cases share its model.</summary>
    public static GradientProblem<double> Shared { get; } = Problem();

    [GradientCheck(nameof(Shared))]
    public void Backprop(GradientCheckCase<double> check)
    {
    }

    private static GradientProblem<double> Problem()
    {
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        return GradientProblem.Create("Shared", Network.Parameters, () => Network.Cost(x, y), () => Network.Backward(x, y));
    }
}

/// <summary>An empty seed list, which would make no case at all.</summary>
public sealed class NoSeeds
{
    [GradientCheck(typeof(SampleProblems), nameof(SampleProblems.Dense), Seeds = [])]
    public void Backprop(GradientCheckCase<double> check)
    {
    }
}

/// <summary>
/// One test whose body runs many failing gradient assertions at once on Parallel.For, each of its own
/// model with a planted bug: every failure writes and attaches a picture of its own.
/// </summary>
public sealed class ConcurrentFailures
{
    /// <summary>How many failing checks run at once.</summary>
    public const int Count = 167;

    /// <summary>Each failure's message, by its number, for the test to read after the run.</summary>
    public static string[] Messages { get; } = new string[Count];

    [Test]
    public void Many_failing_checks_at_once()
    {
        Array.Clear(Messages);
        Parallel.For(0, Count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, number =>
        {
            double[] theta = [0.3 + (0.001 * number), -0.7];
            double[] wrong = [2 * theta[0] * 1.5, 2 * theta[1]];
            ConstraintResult result = Is.GradientOf((double[] t) => (t[0] * t[0]) + (t[1] * t[1])).At(theta).ApplyTo(wrong);
            var writer = new TextMessageWriter();
            result.WriteMessageTo(writer);
            Messages[number] = writer.ToString();
        });
    }
}
