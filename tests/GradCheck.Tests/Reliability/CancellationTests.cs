using GradCheck.Coverage;
using GradCheck.Differentiation;
using GradCheck.Jacobians;
using GradCheck.Layers;
using GradCheck.Reporting;
using GradCheck.Tests.Jacobians;
using GradCheck.Tests.Layers;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Reliability;

/// <summary>
/// <see cref="GradientCheckOptions.CancellationToken"/>: a check stops at its next evaluation of the
/// cost, says how far it got, and leaves every parameter as it began; an already cancelled check
/// evaluates nothing.
/// </summary>
public class CancellationTests
{
    private static readonly double[] Theta = [.. Enumerable.Range(0, 30).Select(i => Math.Sin(i) - 0.25)];

    private static readonly double[] Gradient = [.. Theta.Select(value => 2 * value)];

    [Test]
    public void A_check_cancelled_before_it_starts_evaluates_nothing()
    {
        int calls = 0;
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var exception = Assert.Throws<OperationCanceledException>(() => GradientChecker.Check(
            x => { calls++; return Sum(x); },
            Theta,
            Gradient,
            new GradientCheckOptions { CancellationToken = cancellation.Token }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Is.Zero);
            Assert.That(exception.CancellationToken, Is.EqualTo(cancellation.Token));
            Assert.That(exception.Message, Is.EqualTo("The gradient check of theta was cancelled after 0 of 30 entries; every parameter has been restored bit for bit."));
        }
    }

    [Test]
    public void A_check_cancelled_midway_stops_at_its_next_evaluation_and_says_how_far_it_got()
    {
        int calls = 0;
        using var cancellation = new CancellationTokenSource();
        double Cost(double[] x)
        {
            // Two at the given point, then two per entry: the 22nd call is entry 9's second, so 10 are done.
            if (++calls == 22)
            {
                cancellation.Cancel();
            }

            return Sum(x);
        }

        var exception = Assert.Throws<OperationCanceledException>(() => GradientChecker.Check(
            Cost,
            Theta,
            Gradient,
            new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint, CancellationToken = cancellation.Token }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Is.EqualTo(22));
            Assert.That(exception.Message, Is.EqualTo("The gradient check of theta was cancelled after 10 of 30 entries; every parameter has been restored bit for bit."));
        }
    }

    [Test]
    public void A_fast_check_cancelled_midway_says_it_was_along_random_directions()
    {
        var network = new TanhNetwork<double>(2);
        Dictionary<string, ulong[]> parameters = Bits.Of(network.Parameters);
        int calls = 0;
        using var cancellation = new CancellationTokenSource();
        double Cost()
        {
            if (++calls == 4)
            {
                cancellation.Cancel();
            }

            return network.Cost();
        }

        var exception = Assert.Throws<OperationCanceledException>(() => GradientChecker.Check(
            Cost,
            network.Parameters,
            network.Gradient(dropOneOverM: true),
            new GradientCheckOptions { Coverage = CheckCoverage.RandomDirections(), CancellationToken = cancellation.Token }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Message, Is.EqualTo("The gradient check of W1, b1, W2, b2 was cancelled during the check along random directions; every parameter has been restored bit for bit."));
            Assert.That(Bits.Of(network.Parameters), Is.EqualTo(parameters));
        }
    }

    [Test]
    public void A_layer_check_cancelled_midway_restores_the_layers_parameters()
    {
        var layer = new DenseTanhLayer<double>(3, 2);
        Dictionary<string, ulong[]> parameters = Bits.Of(layer.Parameters);
        double[,] x = { { 0.3, -1.1, 0.8 }, { 1.4, 0.2, -0.6 } };
        using var cancellation = new CancellationTokenSource();
        int calls = 0;
        double[,] Forward(double[,] input)
        {
            if (++calls == 20)
            {
                cancellation.Cancel();
            }

            return layer.Forward(input);
        }

        Assert.Throws<OperationCanceledException>(() => Layer.Of(x, Forward, layer.Backward)
            .WithParameters(layer.Parameters, () => layer.Gradients)
            .Check(new GradientCheckOptions { CancellationToken = cancellation.Token }));

        Assert.That(Bits.Of(layer.Parameters), Is.EqualTo(parameters));
    }

    [Test]
    public void A_Jacobian_check_cancelled_midway_names_where_it_stopped()
    {
        double[] x = [0.5, -1.0, 2.0];
        using var cancellation = new CancellationTokenSource();
        int calls = 0;
        double[] F(double[] input)
        {
            if (++calls == 5)
            {
                cancellation.Cancel();
            }

            return VectorFunctions.Tanh(input);
        }

        var exception = Assert.Throws<OperationCanceledException>(() => JacobianChecker.Check(
            F,
            x,
            VectorFunctions.TanhJacobian(x),
            new GradientCheckOptions { CancellationToken = cancellation.Token }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Is.EqualTo(5));
            Assert.That(exception.CancellationToken, Is.EqualTo(cancellation.Token));
            Assert.That(exception.Message, Does.StartWith("The check was cancelled before f was evaluated at x[0] ").And.Contain("after 5 evaluations; x is untouched"));
        }
    }

    [Test]
    public void A_Hessian_vector_product_check_already_cancelled_evaluates_nothing()
    {
        int calls = 0;
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => HessianVectorProductChecker.Check<double>(
            input => { calls++; return [.. input.Select(value => 2 * value)]; },
            [1.0, 2.0],
            [1.0, 0.0],
            [2.0, 0.0],
            new GradientCheckOptions { CancellationToken = cancellation.Token }));

        Assert.That(calls, Is.Zero);
    }

    [Test]
    public void A_token_that_is_never_cancelled_changes_nothing_in_the_report()
    {
        using var cancellation = new CancellationTokenSource();

        string withToken = GradientChecker.Check(Sum, Theta, Gradient, new GradientCheckOptions { CancellationToken = cancellation.Token }).ToString();
        string without = GradientChecker.Check(Sum, Theta, Gradient).ToString();

        Assert.That(withToken, Is.EqualTo(without));
    }

    private static double Sum(double[] x) => x.Sum(value => value * value);
}
