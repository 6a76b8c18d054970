namespace GradCheck.NUnit.Tests;

/// <summary>
/// NUnit's <c>Not</c> turns a failing result into a pass. A check that could not be trusted (a cost
/// that is NaN at the point, not deterministic, or writing to its parameters) fails, so under
/// <c>Is.Not</c> it would "confirm" a planted bug it never compared: after an operator it throws an
/// assertion failure instead, which no operator inverts.
/// </summary>
public class NegatedUncheckableTests
{
    private static readonly double[] Theta = [0.3, -0.7, 1.1];

    private static readonly double[] WrongGradient = [1.0, 1.0, 1.0];

    [Test]
    public void Is_Not_fails_when_the_cost_is_NaN_at_the_point()
    {
        var exception = Assert.Throws<AssertionException>(() => ConstraintMessages.Apply(
            Is.Not.GradientOf((double[] t) => Math.Log(t[1])).At(Theta), WrongGradient));

        Assert.That(exception.Message, Does.StartWith("gradient of the cost with respect to theta (3)").And.Contain("the check could not be trusted").And.Contain("the cost is NaN at the given parameters"));
    }

    [Test]
    public void Is_Not_fails_when_the_cost_is_not_deterministic()
    {
        var dropout = new Random(11);

        var exception = Assert.Throws<AssertionException>(() => ConstraintMessages.Apply(
            Is.Not.GradientOf((double[] t) => t.Sum(v => dropout.NextDouble() < 0.5 ? 0 : v * v)).At(Theta), WrongGradient));

        Assert.That(exception.Message, Does.Contain("the cost is not deterministic"));
    }

    [Test]
    public void Is_Not_fails_when_the_cost_writes_to_its_parameters_even_if_an_entry_is_wrong()
    {
        double[] weights = [0.3, -0.7, 1.1];
        double Cost()
        {
            weights[0] += 1e-3;
            return weights.Sum(v => v * v);
        }

        var exception = Assert.Throws<AssertionException>(() => ConstraintMessages.Apply(
            Is.Not.GradientOf(Cost).WithRespectTo(new Dictionary<string, double[]> { ["w"] = weights }),
            new Dictionary<string, double[]> { ["dw"] = WrongGradient }));

        Assert.That(exception.Message, Does.Contain("the cost modified parameter w"));
    }

    [Test]
    public void Is_Not_fails_a_Jacobian_check_of_a_function_that_is_NaN_at_x()
    {
        var exception = Assert.Throws<AssertionException>(() => ConstraintMessages.Apply(
            Is.Not.JacobianOf((double[] v) => [Math.Sqrt(v[0])]).At([-1.0]), new double[1, 1]));

        Assert.That(exception.Message, Does.Contain("could not be trusted"));
    }

    [Test]
    public void Is_Not_fails_when_the_true_gradient_fails_only_where_a_step_left_the_costs_domain()
    {
        // log σ at σ = 1e-5: the step, 1.8e-4, takes σ below 0, where the log is NaN; the gradient is right.
        double[] theta = [1e-5, 0.5];

        var exception = Assert.Throws<AssertionException>(() => ConstraintMessages.Apply(
            Is.Not.GradientOf((double[] t) => Math.Log(t[0]) + (t[1] * t[1])).At(theta), new[] { 1 / theta[0], 2 * theta[1] }));

        Assert.That(exception.Message, Does.Contain("the check could not be trusted").And.Contain("only where the numerical derivative is NaN or infinite"));
    }

    [Test]
    public void Is_Not_passes_a_wrong_entry_beside_one_whose_numerical_derivative_is_not_finite()
    {
        double[] theta = [1e-5, 0.5];

        (bool passed, _) = ConstraintMessages.Apply(Is.Not.GradientOf((double[] t) => Math.Log(t[0]) + (t[1] * t[1])).At(theta), new[] { 1 / theta[0], 3 * theta[1] });

        Assert.That(passed, Is.True);
    }

    [Test]
    public void Is_Not_still_passes_a_gradient_that_is_wrong()
    {
        (bool passed, _) = ConstraintMessages.Apply(Is.Not.GradientOf((double[] t) => t.Sum(v => v * v)).At(Theta), WrongGradient);

        Assert.That(passed, Is.True);
    }

    [Test]
    public void Without_an_operator_an_untrusted_check_is_an_ordinary_failing_result()
    {
        (bool passed, string message) = ConstraintMessages.Apply(Is.GradientOf((double[] t) => Math.Log(t[1])).At(Theta), WrongGradient);

        Assert.That(passed, Is.False);
        Assert.That(message, Does.Contain("the cost is NaN at the given parameters"));
    }
}
