using GradCheck.Coverage;
using GradCheck.Differentiation;
using GradCheck.Examples.Models;
using GradCheck.Reporting;
using GradCheck.Running;
using GradCheck.Tests.Coverage;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Running;

public class ParallelCheckTests
{
    private static readonly GradientCheckOptions TwoPoint = new() { Method = DifferenceMethod.CentralTwoPoint };

    [Test]
    public void A_named_model_checked_by_two_workers_gives_the_serial_report_bit_for_bit([Values] bool planted)
    {
        var network = new SeedNetwork();
        Dictionary<string, double[,]> gradients = planted ? network.GradientsWithSeedBugs() : network.Gradients();
        GradientCheckTarget<double> target = GradientCheckTarget<double>.Named(network.Cost, network.Net.Parameters);

        GradientCheckReport serial = target.Check(gradients, TwoPoint);
        GradientCheckReport parallel = target.WithWorkerModels(network.WorkerCopy).Check(gradients, TwoPoint with { Workers = 2 });

        Assert.That(parallel.ToString(), Is.EqualTo(serial.ToString()));
        Assert.That(parallel.Passed, Is.EqualTo(!planted));
        for (int t = 0; t < serial.Tensors.Count; t++)
        {
            Assert.That(Bits.Of(parallel.Tensors[t].Numeric.ToArray()), Is.EqualTo(Bits.Of(serial.Tensors[t].Numeric.ToArray())), serial.Tensors[t].Name);
        }
    }

    [Test]
    public void A_flat_cost_checked_by_three_workers_gives_the_serial_report([Values] DifferenceMethod method)
    {
        double[] theta = [.. Enumerable.Range(0, 500).Select(i => Math.Cos(i) * 2)];
        double[] gradient = [.. theta.Select(value => Math.Cosh(value) + 1)];
        gradient[321] *= 1.01;
        static double Cost(double[] x) => x.Sum(value => Math.Sinh(value) + value);
        var options = new GradientCheckOptions { Method = method };

        GradientCheckReport serial = GradientChecker.Check(Cost, theta, gradient, options);
        GradientCheckReport parallel = GradientChecker.Check(Cost, theta, gradient, options with { Workers = 3 });

        Assert.That(parallel.ToString(), Is.EqualTo(serial.ToString()));
        Assert.That(parallel.Tensors[0].Diagnosis!.Locations, Is.EqualTo(new[] { "theta[321]" }));
    }

    [Test]
    public void A_sampled_check_spreads_its_sample_and_reports_as_serial()
    {
        var network = new SeedNetwork();
        GradientCheckOptions options = TwoPoint with { Coverage = CheckCoverage.SampledEntries(100, seed: 5) };
        GradientCheckTarget<double> target = GradientCheckTarget<double>.Named(network.Cost, network.Net.Parameters);

        string serial = target.Check(network.GradientsWithSeedBugs(), options).ToString();
        string parallel = target.WithWorkerModels(network.WorkerCopy).Check(network.GradientsWithSeedBugs(), options with { Workers = 2 }).ToString();

        Assert.That(parallel, Is.EqualTo(serial));
    }

    [Test]
    public void Refuses_workers_for_a_named_cost_without_worker_models()
    {
        var network = new SeedNetwork();

        var exception = Assert.Throws<ArgumentException>(() => GradientChecker.Check(network.Cost, network.Net.Parameters, network.Gradients(), TwoPoint with { Workers = 2 }));

        Assert.That(exception.Message, Does.Contain("Workers is 2").And.Contain("WithWorkerModels"));
    }

    [Test]
    public void Refuses_a_worker_model_that_shares_the_models_parameters()
    {
        var network = new SeedNetwork();
        GradientCheckTarget<double> target = GradientCheckTarget<double>.Named(network.Cost, network.Net.Parameters)
            .WithWorkerModels(() => WorkerModel.Of(network.Cost, network.Net.Parameters));

        var exception = Assert.Throws<ArgumentException>(() => target.Check(network.Gradients(), TwoPoint with { Workers = 2 }));

        Assert.That(exception.Message, Does.Contain("Worker 2's parameter W1 shares its storage with W1"));
    }

    [Test]
    public void Refuses_a_worker_model_of_another_shape_naming_both()
    {
        var network = new SeedNetwork();
        var other = new DenseNetwork<double>([12288, 4, 5, 1], Activation.Tanh, seed: 2);
        GradientCheckTarget<double> target = GradientCheckTarget<double>.Named(network.Cost, network.Net.Parameters)
            .WithWorkerModels(() => WorkerModel.Of(() => other.Cost(network.X, network.Y), other.Parameters));

        var exception = Assert.Throws<ArgumentException>(() => target.Check(network.Gradients(), TwoPoint with { Workers = 2 }));

        Assert.That(exception.Message, Does.Contain("W1 (4, 12288)").And.Contain("W1 (5, 12288)"));
    }

    [Test]
    public void Fails_when_a_worker_model_computes_another_cost()
    {
        var network = new SeedNetwork();
        (double[,] otherX, double[,] otherY) = SeedData.SyntheticCatImage<double>(seed: 3);
        GradientCheckTarget<double> target = GradientCheckTarget<double>.Named(network.Cost, network.Net.Parameters).WithWorkerModels(() =>
        {
            var copy = new DenseNetwork<double>([12288, 5, 5, 1], Activation.Tanh, seed: 2);
            return WorkerModel.Of(() => copy.Cost(otherX, otherY), copy.Parameters);
        });

        GradientCheckReport report = target.Check(network.Gradients(), TwoPoint with { Workers = 2 });

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Obstacles.Single().Kind, Is.EqualTo(CheckObstacleKind.WorkerModelDiffers));
    }

    [Test]
    public void A_cost_that_throws_on_a_worker_is_rethrown_with_the_entry_and_the_model_restored()
    {
        double[] theta = [.. Enumerable.Range(0, 400).Select(i => 0.001 * i)];
        double[] before = (double[])theta.Clone();
        double Cost(double[] x) => x[399] > 0.399 ? throw new InvalidOperationException("too far") : x.Sum();

        var exception = Assert.Throws<CostEvaluationException>(() => GradientChecker.Check(Cost, theta, [.. theta.Select(_ => 1.0)], TwoPoint with { Workers = 2 }));

        Assert.That(exception.Point, Is.EqualTo("theta[399] + h"));
        Assert.That(Bits.Of(theta), Is.EqualTo(Bits.Of(before)));
    }

    [Test]
    public void Leaves_the_models_parameters_bit_for_bit_as_they_were()
    {
        var network = new SeedNetwork();
        Dictionary<string, ulong[]> before = Bits.Of(network.Net.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value)));

        GradientCheckTarget<double>.Named(network.Cost, network.Net.Parameters).WithWorkerModels(network.WorkerCopy)
            .Check(network.GradientsWithSeedBugs(), new GradientCheckOptions { Coverage = CheckCoverage.SampledEntries(50), Workers = 2 });

        Assert.That(Bits.Of(network.Net.Parameters.Select(pair => new KeyValuePair<string, Array>(pair.Key, pair.Value))), Is.EqualTo(before));
    }

    [Test]
    public void A_worker_model_whose_cost_throws_when_first_evaluated_is_named_and_the_model_restored()
    {
        var network = new TanhNetwork<double>(3);
        Dictionary<string, ulong[]> before = Bits.Of(network.Parameters);
        var thrown = new InvalidOperationException("the copy has no data loaded");
        GradientCheckTarget<double> target = GradientCheckTarget<double>.Named(network.Cost, network.Parameters).WithWorkerModels(() =>
        {
            var copy = new TanhNetwork<double>(3);
            return WorkerModel.Of<double, Array>(() => throw thrown, copy.Parameters);
        });

        var exception = Assert.Throws<CostEvaluationException>(() => target.Check(network.Gradient(), TwoPoint with { Workers = 2 }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exception.Point, Is.EqualTo("worker 2's model, at the model's parameters (to prove that it computes the same cost)"));
            Assert.That(exception.InnerException, Is.SameAs(thrown));
            Assert.That(Bits.Of(network.Parameters), Is.EqualTo(before));
        }
    }
}
