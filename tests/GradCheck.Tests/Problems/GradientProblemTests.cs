using GradCheck.Examples.Models;
using GradCheck.Comparison;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Obstacles;

public class GradientProblemTests
{
    [Test]
    public void A_network_plugs_in_with_its_parameters_cost_and_backward_pass()
    {
        GradientProblem<double> problem = Network(bug: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Name, Is.EqualTo("Dense"));
            Assert.That(problem.TensorNames, Is.EqualTo(new[] { "W1", "b1", "W2", "b2", "W3", "b3" }));
            Assert.That(problem.Check().Passed, Is.True);
        }
    }

    [Test]
    public void Checking_one_tensor_differentiates_that_tensor_only()
    {
        GradientProblem<double> problem = Network(bug: true);

        GradientCheckReport w2 = problem.Check("W2");
        GradientCheckReport w1 = problem.Check("W1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(w2.Tensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "W2" }));
            Assert.That(w2.Passed, Is.False);
            Assert.That(
                w2.CostEvaluations,
                Is.InRange(3 + (4 * 15) + (2 * w2.Tensors[0].FailedEntryCount), 3 + (6 * 15)),
                "three at the given point, four per entry of W2 (3, 5) and two more for each entry the inner points leave open, every failing one among them");
            Assert.That(w1.Passed, Is.True, "the bug is in dW2 only");
        }
    }

    [Test]
    public void Naming_a_tensor_that_is_not_a_parameter_says_which_are()
    {
        GradientProblem<double> problem = Network(bug: false);

        Assert.That(() => problem.Check("W9"), Throws.ArgumentException.With.Message.Contains("'W9'").And.Message.Contains("the parameters are W1, b1, W2, b2, W3, b3"));
    }

    [TestCase(GradientMismatch.OtherShape, "gradient 'dW' has shape (3, 3) but parameter 'W' has shape (2, 3)")]
    [TestCase(GradientMismatch.MissingName, "no gradient for parameter 'b' (looked for 'b' and 'db')")]
    [TestCase(GradientMismatch.ExtraName, "gradient 'dV' matches no parameter")]
    public void A_backward_pass_whose_gradients_do_not_match_is_refused_naming_the_problem_and_the_parameters(GradientMismatch mismatch, string problem)
    {
        var model = new LinearModel<double>(1);
        GradientProblem<double> linear = GradientProblem.Create("Linear", model.Parameters, model.Cost, () => model.Gradient(mismatch));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => linear.Check(), Throws.ArgumentException.With.Message.Contains(problem).And.Message.Contains(GradientMismatches.ExpectedNames));
            Assert.That(() => linear.Check(TensorAt(mismatch)), Throws.ArgumentException.With.Message.Contains(problem).And.Message.Contains(GradientMismatches.ExpectedNames), "the tensor of the mistake");
        }

        // The check of the other tensor does not read the mistaken gradient; a name no parameter has is everyone's.
        if (mismatch != GradientMismatch.ExtraName)
        {
            Assert.That(linear.Check(TensorAt(mismatch) == "W" ? "b" : "W").Passed, Is.True, "the other tensor's check");
        }
    }

    private static string TensorAt(GradientMismatch mismatch) => mismatch == GradientMismatch.MissingName ? "b" : "W";

    [Test]
    public void A_problem_with_no_parameters_is_refused_when_created()
    {
        Assert.That(
            () => GradientProblem.Create("Empty", new Dictionary<string, double[]>(), () => 0.0, () => new Dictionary<string, double[]>()),
            Throws.ArgumentException.With.Message.Contains("There are no parameters to check: the parameter dictionary is empty"));
    }

    [Test]
    public void A_flat_problem_never_modifies_its_point()
    {
        double[] theta = [1.0, -2.0, 0.5];
        GradientProblem<double> problem = GradientProblem.Create("Quadratic", (double[] t) => t.Sum(v => v * v) / 2, theta, t =>
        {
            t[0] = 99;
            return [1.0, -2.0, 0.5];
        });

        GradientCheckReport report = problem.Check();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True, report.ToString());
            Assert.That(theta, Is.EqualTo(new[] { 1.0, -2.0, 0.5 }));
        }
    }

    [Test]
    public void The_problems_options_apply_unless_the_caller_gives_others()
    {
        GradientProblem<double> problem = Network(bug: false).WithOptions(new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-3) });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Check().Tolerance.Absolute, Is.EqualTo(1e-3));
            Assert.That(problem.Check("b3").Tolerance.Absolute, Is.EqualTo(1e-3));
            Assert.That(problem.Check(GradientCheckOptions.Default).Tolerance.IsAutomatic, Is.True);
        }
    }

    private static GradientProblem<double> Network(bool bug)
    {
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Tanh, seed: 1);
        return GradientProblem.Create("Dense", net.Parameters, () => net.Cost(x, y), () =>
        {
            Dictionary<string, double[,]> gradients = net.Backward(x, y);
            if (bug)
            {
                gradients["dW2"][0, 0] *= 1.5;
            }

            return gradients;
        });
    }
}
