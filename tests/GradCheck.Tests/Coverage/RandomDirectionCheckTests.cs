using GradCheck.Comparison;
using GradCheck.Coverage;
using GradCheck.Diagnosis;
using GradCheck.Differentiation;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Coverage;

public class RandomDirectionCheckTests
{
    private static readonly GradientCheckOptions Fast = new() { Coverage = CheckCoverage.RandomDirections() };

    [Test]
    public void Names_the_seeds_two_wrong_tensors_and_no_other_within_64_cost_evaluations()
    {
        var network = new SeedNetwork();
        GradientCheckOptions options = Fast with { Method = DifferenceMethod.CentralTwoPoint };

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Net.Parameters, network.GradientsWithSeedBugs(), options);

        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EquivalentTo(new[] { "b1", "W2" }), report.ToString());
        Assert.That(report.CostEvaluations, Is.LessThanOrEqualTo(64));
        Assert.That(report.Tensors.Single(tensor => tensor.Name == "W2").Diagnosis, Has.Property(nameof(TensorDiagnosis.Kind)).EqualTo(BugKind.ConstantFactor).And.Property(nameof(TensorDiagnosis.Factor)).EqualTo(2.0).Within(1e-6));
        Assert.That(report.Tensors.Single(tensor => tensor.Name == "b1").Diagnosis, Has.Property(nameof(TensorDiagnosis.Kind)).EqualTo(BugKind.ConstantFactor).And.Property(nameof(TensorDiagnosis.Factor)).EqualTo(4.0).Within(1e-6));
    }

    [Test]
    public void With_Richardson_names_the_same_two_tensors_in_a_few_more_evaluations()
    {
        var network = new SeedNetwork();

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Net.Parameters, network.GradientsWithSeedBugs(), Fast);

        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EquivalentTo(new[] { "b1", "W2" }), report.ToString());
        Assert.That(report.CostEvaluations, Is.LessThan(200));
        Assert.That(report.ToString(), Does.Contain("W2: every checked entry (8 of 25) is 2.000x the numerical gradient"));
    }

    [Test]
    public void Passes_the_seeds_correct_gradient_in_two_evaluations_per_tensor_plus_the_given_point()
    {
        var network = new SeedNetwork();
        GradientCheckOptions options = Fast with { Method = DifferenceMethod.CentralTwoPoint };

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Net.Parameters, network.Gradients(), options);

        Assert.That(report.Passed, Is.True, report.ToString());
        Assert.That(report.CostEvaluations, Is.EqualTo(3 + (2 * 6)));
        Assert.That(report.Tensors.Sum(tensor => tensor.CheckedEntryCount), Is.Zero);
        Assert.That(report.ToString(), Does.StartWith("Gradient check passed: 6 tensors within tolerance (along 1 random direction per tensor; 0 of 61481 entries checked one by one)."));
    }

    [Test]
    public void Finds_one_wrong_entry_among_61440_by_bisection()
    {
        var network = new SeedNetwork();
        Dictionary<string, double[,]> gradients = network.Gradients();
        double largest = gradients["dW1"].Cast<double>().Max(Math.Abs);
        gradients["dW1"][3, 7001] += 10 * largest;

        GradientCheckReport report = GradientChecker.Check(network.Cost, network.Net.Parameters, gradients, Fast with { Method = DifferenceMethod.CentralTwoPoint });

        TensorReport w1 = report.Tensors[0];
        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "W1" }), report.ToString());
        Assert.That(w1.FailedEntryCount, Is.EqualTo(1));
        Assert.That(w1.Diagnosis!.Kind, Is.EqualTo(BugKind.IsolatedEntries));
        Assert.That(w1.Diagnosis.Locations, Is.EqualTo(new[] { "W1[3,7001]" }));
        Assert.That(report.CostEvaluations, Is.LessThan(200), "8 sampled entries, then about 2 log2(61440) directional tests");
    }

    [Test]
    public void Gives_each_tensor_its_own_direction_so_a_wrong_one_cannot_hide_behind_a_right_one()
    {
        // The errors +0.5 and -0.5 cancel along any direction that moves both tensors equally.
        var first = new double[] { 0.3 };
        var second = new double[] { -0.2 };
        var parameters = new Dictionary<string, double[]> { ["p"] = first, ["q"] = second };
        double Cost() => (2 * first[0]) + (3 * second[0]);
        var gradients = new Dictionary<string, double[]> { ["p"] = [2.5], ["q"] = [2.5] };

        GradientCheckReport report = GradientChecker.Check(Cost, parameters, gradients, Fast);

        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "p", "q" }));
    }

    [Test]
    public void Fails_a_NaN_in_the_gradient_and_names_the_entry_without_searching()
    {
        double[] theta = [0.5, -1.0, 2.0, 0.25];
        double[] gradient = [.. theta.Select(value => 2 * value)];
        gradient[2] = double.NaN;

        GradientCheckReport report = GradientChecker.Check(SquaredNorm, theta, gradient, Fast);

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Tensors[0].Diagnosis!.Kind, Is.EqualTo(BugKind.NotFinite));
        Assert.That(report.Tensors[0].Diagnosis!.Locations, Does.Contain("theta[2]"));
    }

    [Test]
    public void Fails_a_cost_that_is_NaN_along_the_direction()
    {
        double[] theta = [1e-9, 0.5];
        double Cost(double[] x) => Math.Sqrt(x[0]) + x[1];

        GradientCheckReport report = GradientChecker.Check(Cost, theta, [0.5 / Math.Sqrt(1e-9), 1.0], Fast);

        Assert.That(report.Passed, Is.False, report.ToString());
        Assert.That(report.Tensors[0].Directions[0].Outcome, Is.EqualTo(EntryOutcome.NumericNotFinite));
    }

    [Test]
    public void Leaves_every_parameter_bit_for_bit_as_it_was()
    {
        var network = new SeedNetwork();
        Dictionary<string, double[,]> before = network.Net.Parameters.ToDictionary(pair => pair.Key, pair => (double[,])pair.Value.Clone());

        GradientChecker.Check(network.Cost, network.Net.Parameters, network.GradientsWithSeedBugs(), Fast);

        foreach ((string name, double[,] values) in before)
        {
            Assert.That(Bits.Of(network.Net.Parameters[name]), Is.EqualTo(Bits.Of(values)), name);
        }
    }

    [Test]
    public void The_same_seed_gives_the_same_report_and_another_seed_other_directions()
    {
        var network = new SeedNetwork();
        Dictionary<string, double[,]> wrong = network.GradientsWithSeedBugs();
        GradientCheckOptions other = Fast with { Coverage = CheckCoverage.RandomDirections(seed: 1) };

        string first = GradientChecker.Check(network.Cost, network.Net.Parameters, wrong, Fast).ToString();
        string again = GradientChecker.Check(network.Cost, network.Net.Parameters, wrong, Fast).ToString();
        GradientCheckReport reseeded = GradientChecker.Check(network.Cost, network.Net.Parameters, wrong, other);

        Assert.That(again, Is.EqualTo(first));
        Assert.That(reseeded.ToString(), Is.Not.EqualTo(first));
        Assert.That(reseeded.FailedTensors.Select(tensor => tensor.Name), Is.EquivalentTo(new[] { "b1", "W2" }));
    }

    /// <summary>
    /// The documented chance of a miss: one direction misses an error e with probability
    /// P(|Z| &lt;= B √N / ‖e‖), Z standard normal, B the bound. Here B = atol (no relative part, an exact
    /// linear cost) and B √N / ‖e‖ = 0.5, so one direction misses in 38.3% of seeds and two in 14.7%.
    /// </summary>
    [TestCase(1, 0.3829)]
    [TestCase(2, 0.3829 * 0.3829)]
    public void Misses_a_small_error_about_as_often_as_documented(int directions, double expected)
    {
        const int length = 100;
        const int seeds = 400;
        const double absolute = 1e-3;
        double[] weights = [.. Enumerable.Range(0, length).Select(i => Math.Sin(i + 1))];
        double[] theta = [.. Enumerable.Range(0, length).Select(i => 0.5 * Math.Cos(i))];
        double[] error = [.. Enumerable.Range(0, length).Select(i => (i % 3) - 1.0)];
        double scale = absolute * Math.Sqrt(length) / 0.5 / Math.Sqrt(error.Sum(value => value * value));
        double[] gradient = [.. weights.Select((weight, i) => weight + (scale * error[i]))];
        double Cost(double[] x) => x.Select((value, i) => weights[i] * value).Sum();

        int missed = Enumerable.Range(0, seeds).Count(seed => GradientChecker.Check(Cost, theta, gradient, new GradientCheckOptions
        {
            Tolerance = GradientTolerance.Within(absolute, 0),
            Coverage = CheckCoverage.RandomDirections(directions, seed),
        }).Passed);

        double deviation = Math.Sqrt(seeds * expected * (1 - expected));
        Assert.That(missed, Is.InRange((seeds * expected) - (4 * deviation), (seeds * expected) + (4 * deviation)));
    }

    private static double SquaredNorm(double[] x) => x.Sum(value => value * value);
}
