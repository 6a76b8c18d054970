using GradCheck.Examples.Models;

namespace GradCheck.NUnit.Tests;

public class FastAndParallelConstraintTests
{
    [Test]
    public void AlongRandomDirections_names_the_seeds_two_wrong_tensors_with_their_factors()
    {
        var net = new DenseNetwork<double>([12288, 5, 5, 1], Activation.Tanh, seed: 2);
        (double[,] x, double[,] y) = SeedData.SyntheticCatImage<double>(seed: 2);
        Dictionary<string, double[,]> wrong = net.Backward(x, y);
        Problems.Scale(wrong["dW2"], 2.0);
        Problems.Scale(wrong["db1"], 4.0);

        (bool passed, string message) = ConstraintMessages.Apply(Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters).AlongRandomDirections(), wrong);

        Assert.That(passed, Is.False);
        Assert.That(message, Does.Contain("2 of 6 tensors outside tolerance (along 1 random direction per tensor;"));
        Assert.That(message, Does.Contain("b1: every entry is 4.000x the numerical gradient"));
        Assert.That(message, Does.Contain("W2: every checked entry (8 of 25) is 2.000x the numerical gradient"));
        Assert.That(message, Does.Contain("Coverage = CheckCoverage.RandomDirections(1, 0, 8)"));
    }

    [Test]
    public void AlongRandomDirections_passes_a_correct_gradient_and_Is_Not_fails_it()
    {
        double[] theta = [0.3, -1.2, 2.5];
        double[] gradient = [.. theta.Select(value => 3 * value * value)];
        static double Cost(double[] t) => t.Sum(value => value * value * value);

        Assert.That(gradient, Is.GradientOf<double>(Cost).At(theta).AlongRandomDirections(directionsPerTensor: 3, seed: 11));
        Assert.That(ConstraintMessages.Apply(Is.Not.GradientOf<double>(Cost).At(theta).AlongRandomDirections(), gradient).Passed, Is.False);
    }

    [Test]
    public void OnSampledEntries_checks_only_the_sample()
    {
        double[] theta = [.. Enumerable.Range(0, 300).Select(i => Math.Sin(i))];
        double[] gradient = [.. theta.Select(value => 2 * value)];
        gradient[17] += 1;
        static double Cost(double[] t) => t.Sum(value => value * value);

        (bool passed, string message) = ConstraintMessages.Apply(Is.GradientOf<double>(Cost).At(theta).OnSampledEntries(300), gradient);
        Assert.That(passed, Is.False);
        Assert.That(message, Does.Contain("theta[17]"));
        Assert.That(message, Does.Contain("Coverage = CheckCoverage.SampledEntries(300, 0)"));
    }

    [Test]
    public void InParallel_gives_the_serial_message_for_a_flat_cost_and_for_a_model_with_worker_copies()
    {
        double[] theta = [.. Enumerable.Range(0, 200).Select(i => Math.Cos(i))];
        double[] gradient = [.. theta.Select(value => Math.Exp(value))];
        gradient[150] *= -1;
        static double Cost(double[] t) => t.Sum(Math.Exp);
        var net = new DenseNetwork<double>([30, 4, 1], Activation.Tanh, seed: 4);
        (double[,] x, double[,] y) = (Inputs(30, 5), Labels(5));
        Dictionary<string, double[,]> wrong = net.Backward(x, y);
        Problems.Scale(wrong["dW1"], 0.5);

        string serialFlat = ConstraintMessages.Apply(Is.GradientOf<double>(Cost).At(theta), gradient).Message;
        string parallelFlat = ConstraintMessages.Apply(Is.GradientOf<double>(Cost).At(theta).InParallel(2), gradient).Message;
        string serialNamed = ConstraintMessages.Apply(Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters), wrong).Message;
        string parallelNamed = ConstraintMessages.Apply(
            Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters).InParallel(
                () =>
                {
                    var copy = new DenseNetwork<double>([30, 4, 1], Activation.Tanh, seed: 5);
                    return WorkerModel.Of(() => copy.Cost(x, y), copy.Parameters);
                },
                workers: 2),
            wrong).Message;

        Assert.That(WithoutPicturePath(parallelFlat), Is.EqualTo(WithoutPicturePath(serialFlat)));
        Assert.That(WithoutPicturePath(parallelNamed), Is.EqualTo(WithoutPicturePath(serialNamed)));
        Assert.That(serialNamed, Does.Contain("W1: every entry is 0.500x the numerical gradient"));
    }

    [Test]
    public void A_long_check_writes_its_progress_for_the_test_it_runs_in()
    {
        var writer = new StringWriter();
        var progress = new TestProgress(writer, "Suite.Backprop_is_right");

        progress.Report(new GradientCheckProgress(12288, 61481, TimeSpan.FromSeconds(2.4), TimeSpan.FromSeconds(9.6)));

        Assert.That(writer.ToString(), Is.EqualTo("Suite.Backprop_is_right: gradient check 12,288 of 61,481 entries (20%), 2.4 s, about 9.6 s left" + Environment.NewLine));
    }

    [Test]
    public void Progress_goes_to_standard_error_which_dotnet_test_prints_as_it_comes_at_its_normal_verbosity()
    {
        // TestContext.Progress reaches dotnet test's console only at its detailed verbosity.
        Assert.That(TestProgress.ForCurrentTest().Writer, Is.SameAs(TestContext.Error));
    }

    /// <summary>The message without its picture's line: each failure in a test writes its own file (.html, .2.html).</summary>
    private static string WithoutPicturePath(string message) =>
        string.Join('\n', message.Split('\n').Where(line => !line.TrimStart().StartsWith("Pictures: ", StringComparison.Ordinal)));

    private static double[,] Inputs(int rows, int columns)
    {
        var matrix = new double[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                matrix[i, j] = Math.Sin((i * columns) + j + 1);
            }
        }

        return matrix;
    }

    private static double[,] Labels(int count)
    {
        var labels = new double[1, count];
        for (int j = 0; j < count; j++)
        {
            labels[0, j] = j % 2;
        }

        return labels;
    }
}
