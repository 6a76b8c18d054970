using GradCheck.Reporting;
using NUnit.Framework.Interfaces;

namespace GradCheck.NUnit.Tests;

/// <summary>Costs that cannot be checked, and kinks, as the NUnit message shows them.</summary>
public class UncheckableCostTests
{
    [Test]
    public void A_cost_with_dropout_left_on_fails_with_a_message_that_says_so()
    {
        var dropout = new Random(11);
        double[] theta = [0.3, -0.7, 1.1];
        double Cost(double[] t) => t.Sum(v => dropout.NextDouble() < 0.5 ? 0 : v * v);

        (bool passed, string message) = ConstraintMessages.Apply(Is.GradientOf((Func<double[], double>)Cost).At(theta), new double[3]);

        Assert.That(passed, Is.False);
        Assert.That(message, Does.Contain("the cost is not deterministic:").And.Contain("is dropout or sampling switched on?"));
        Assert.That(message, Does.Not.Contain("theta[0]"), "no gradient verdict is given for a cost that cannot be checked");
    }

    [Test]
    public void A_cost_that_differs_past_the_seventh_digit_is_shown_with_the_digits_that_differ()
    {
        // 0.146371² = 0.021424469641, every other evaluation 1e-12 more: in 7 digits both are 0.02142447.
        int calls = 0;
        double Cost(double[] t) => (t[0] * t[0]) + (1e-12 * (calls++ % 2));

        (bool passed, string message) = ConstraintMessages.Apply(Is.GradientOf((Func<double[], double>)Cost).At([0.146371]), new[] { 0.292742 });

        Assert.That(passed, Is.False);
        Assert.That(message, Does.Contain("the cost is not deterministic: 0.021424469641 then 0.021424469642, evaluated twice at the same parameters;"));
    }

    [Test]
    public void A_cost_that_is_NaN_at_the_point_fails_and_says_where()
    {
        (bool passed, string message) = ConstraintMessages.Apply(
            Is.GradientOf((double[] t) => Math.Log(t[0])).At([-1.0]), new[] { -1.0 });

        Assert.That(passed, Is.False);
        Assert.That(message, Does.Contain("the cost is NaN at the given parameters"));
    }

    [Test]
    public void Absolute_value_at_zero_is_a_kink_and_its_subgradient_passes()
    {
        // J = |w0| + w1^2 at w0 = 0: every value in [-1, 1] is a subgradient for w0; 0 is the usual choice.
        double[] theta = [0.0, 0.5];
        double[] subgradient = [0.0, 1.0];

        Assert.That(subgradient, Is.GradientOf((double[] t) => Math.Abs(t[0]) + (t[1] * t[1])).At(theta));
        GradientCheckReport report = GradientChecker.Check((double[] t) => Math.Abs(t[0]) + (t[1] * t[1]), theta, subgradient);
        Assert.That(report.Tensors[0].KinkCount, Is.EqualTo(1));
        Assert.That(report.ToString(), Does.Contain("theta[0] a = 0 in [-1, 1]"));
    }

    [Test]
    public void A_pass_with_an_entry_not_checkable_says_so_in_the_tests_output()
    {
        ITestResult result = FixtureRunner.Run(typeof(GradCheck.NUnit.Samples.PassWithALimit)).Values.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ResultState, Is.EqualTo(ResultState.Success));
            Assert.That(result.Output, Does.Contain("GradCheck: passed, with a limit: all 1 tensors within tolerance (2 entries); 1 entry not checkable where kinks may meet"));
        }
    }

    [Test]
    public void A_value_outside_the_one_sided_derivatives_at_a_kink_is_not_checkable_and_passes_beside_checked_entries()
    {
        double[] theta = [0.0, 0.5];

        Assert.That(new[] { 1.5, 1.0 }, Is.GradientOf((double[] t) => Math.Abs(t[0]) + (t[1] * t[1])).At(theta));
    }

    [Test]
    public void Kinks_fail_when_the_options_say_so()
    {
        double[] theta = [0.0, 0.5];
        var options = new GradientCheckOptions { KinksFail = true };

        Assert.That(new[] { 0.0, 1.0 }, Is.Not.GradientOf((double[] t) => Math.Abs(t[0]) + (t[1] * t[1])).At(theta).WithOptions(options));
    }

    [Test]
    public void The_two_point_rule_remains_available()
    {
        var options = new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint };
        GradientCheckReport report = GradientChecker.Check(Problems.Cost, Problems.Theta, Problems.Gradient(Problems.Theta), options);

        Assert.That(report.Passed, Is.True, report.ToString());
        Assert.That(report.CostEvaluations, Is.EqualTo(3 + (2 * Problems.Theta.Length)));
        Assert.That(report.ToString(), Does.Contain("Numerical gradient: central difference at ±h; h = cbrt(ε) max(1, |x|)"));
    }
}
