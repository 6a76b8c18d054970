using GradCheck.NUnit.Samples;
using NUnit.Framework.Interfaces;

namespace GradCheck.NUnit.Tests;

/// <summary>
/// NUnit's timeouts reach the check: under <c>[CancelAfter]</c> a slow check stops at its next
/// evaluation, the test fails saying how far the check got, and the model is restored bit for bit.
/// A token in the options stops a check too.
/// </summary>
public class CancellationTests
{
    [Test]
    public void CancelAfter_stops_a_slow_check_and_the_model_is_restored_bit_for_bit()
    {
        Dictionary<string, double[,]> before = CancelledCheck.Network.Parameters.ToDictionary(pair => pair.Key, pair => (double[,])pair.Value.Clone());

        ITestResult result = FixtureRunner.Run(typeof(CancelledCheck))[nameof(CancelledCheck.Slow_cost)];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ResultState.Status, Is.EqualTo(TestStatus.Failed));
            Assert.That(result.Message, Does.Contain("OperationCanceledException").And.Match(@"The gradient check of W1, b1, W2, b2, W3, b3 was cancelled after \d+ of 47 entries; every parameter has been restored bit for bit\."));
            Assert.That(result.Duration, Is.LessThan(3.0), "the check stops at the timeout, not at its end (about 6 s)");
            foreach ((string name, double[,] values) in CancelledCheck.Network.Parameters)
            {
                Assert.That(Bits(values), Is.EqualTo(Bits(before[name])), name);
            }
        }
    }

    [Test]
    public void A_token_in_the_options_stops_the_constraints_check()
    {
        double[] theta = [0.5, -1.5];
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var exception = Assert.Throws<OperationCanceledException>(() => ConstraintMessages.Apply(
            Is.GradientOf((double[] t) => t.Sum(v => v * v)).At(theta).WithOptions(new GradientCheckOptions { CancellationToken = cancellation.Token }),
            new[] { 1.0, -3.0 }));

        Assert.That(exception.Message, Does.StartWith("The gradient check of theta was cancelled after 0 of 2 entries"));
    }

    private static ulong[] Bits(double[,] values) => [.. values.Cast<double>().Select(BitConverter.DoubleToUInt64Bits)];
}
