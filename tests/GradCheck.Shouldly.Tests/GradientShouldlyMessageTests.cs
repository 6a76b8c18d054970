using GradCheck.Examples.Models;
using GradCheck.Reporting;
using Shouldly;

namespace GradCheck.Shouldly.Tests;

/// <summary>
/// The failure message, Shouldly's layout: the caller's expression, what it should be, what it was,
/// then the engine's whole report. The report's own text is the engine's and is tested there; here it
/// is compared with <see cref="GradientCheckReport.ToString"/> of the same check.
/// </summary>
public class GradientShouldlyMessageTests
{
    private static readonly GradientCheckOptions WithinOneInTenMillion = new() { Tolerance = GradientTolerance.Within(1e-7) };

    [Test]
    public void Opens_with_the_expression_then_the_expectation_then_the_whole_report()
    {
        double[] theta = KnownCosts.Theta;
        double[] grad = KnownCosts.Gradient(theta);
        grad[2] *= 2;

        var failure = Assert.Throws<ShouldAssertException>(() => grad.ShouldBeGradientOf(KnownCosts.Cost, theta, WithinOneInTenMillion));
        GradientCheckReport report = GradientChecker.Check(KnownCosts.Cost, theta, grad, WithinOneInTenMillion);

        string expected = """
            grad
                should be the gradient of the cost with respect to theta (4), each entry within the rule below
                but was not:

            """ + report.ToString().TrimEnd();
        Assert.That(Normalized(failure.Message), Is.EqualTo(Normalized(expected)));
        Assert.That(failure.Message, Does.Contain("theta[2]"));
        TestContext.Out.WriteLine(failure.Message);
    }

    [Test]
    public void A_named_check_opens_with_the_dictionary_and_names_the_failing_tensor_and_entries()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> gradients = net.Backward(X, Y);
        KnownCosts.Scale(gradients["dW2"], 2.0);
        KnownCosts.Scale(gradients["db1"], 4.0);

        var failure = Assert.Throws<ShouldAssertException>(() => gradients.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters, WithinOneInTenMillion));
        GradientCheckReport report = GradientChecker.Check(() => net.Cost(X, Y), net.Parameters, gradients, WithinOneInTenMillion);

        string expected = """
            gradients
                should be the gradient of the cost with respect to W1 (5, 4), b1 (5, 1), W2 (3, 5), b2 (3, 1), W3 (1, 3), b3 (1, 1), each entry within the rule below
                but was not:

            """ + report.ToString().TrimEnd();
        Assert.That(Normalized(failure.Message), Is.EqualTo(Normalized(expected)));
        Assert.That(failure.Message, Does.Contain("b1 (5, 1): 5 of 5 entries outside tolerance").And.Contain("W2[0,0]"));
        Assert.That(Occurrences(failure.Message, "|a - n| <= 1e-07 + 1e-07 * max(|a|, |n|)"), Is.EqualTo(1), "the rule, stated once: on the report's Rule line");
        TestContext.Out.WriteLine(failure.Message);
    }

    [Test]
    public void An_expression_that_is_a_call_is_quoted_as_written()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Tanh, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();

        var failure = Assert.Throws<ShouldAssertException>(
            () => net.Backward(X, Y)
                .ShouldNotBeGradientOf(() => net.Cost(X, Y), net.Parameters));

        Assert.That(Normalized(failure.Message), Does.StartWith("net.Backward(X, Y)\n    should not be the gradient"));
    }

    [Test]
    public void A_custom_message_comes_last_under_Additional_Info()
    {
        double[] theta = KnownCosts.Theta;
        double[] grad = KnownCosts.Scaled(KnownCosts.Gradient(theta), 1.01);

        var plain = Assert.Throws<ShouldAssertException>(() => grad.ShouldBeGradientOf(KnownCosts.Cost, theta));
        var withInfo = Assert.Throws<ShouldAssertException>(() => grad.ShouldBeGradientOf(KnownCosts.Cost, theta, "the L2 term was left out"));

        Assert.That(Normalized(withInfo.Message), Is.EqualTo(Normalized(plain.Message + "\n\nAdditional Info:\n    the L2 term was left out")));
    }

    [Test]
    public void Without_the_expression_it_says_what_Shouldly_says()
    {
        double[] theta = KnownCosts.Theta;
        double[] grad = KnownCosts.Scaled(KnownCosts.Gradient(theta), 1.01);

        var failure = Assert.Throws<ShouldAssertException>(() => grad.ShouldBeGradientOf(KnownCosts.Cost, theta, customMessage: null, actualExpression: null));

        Assert.That(Normalized(failure.Message), Does.StartWith("The provided expression\n    should be the gradient"));
    }

    [Test]
    public void The_default_rule_is_stated_in_float_as_in_double()
    {
        float[] theta = KnownCosts.ThetaF;
        float[] grad = KnownCosts.Scaled(KnownCosts.GradientF(theta), 1.01f);

        var failure = Assert.Throws<ShouldAssertException>(() => grad.ShouldBeGradientOf(KnownCosts.CostF, theta));

        Assert.That(Normalized(failure.Message), Does.StartWith("grad\n    should be the gradient of the cost with respect to theta (4), each entry within the rule below\n    but was not:\n"));
        Assert.That(Normalized(failure.Message), Does.Contain($"\nRule: {GradientTolerance.Automatic}; NaN or infinity fails"));
        Assert.That(failure.Message, Does.Contain(" in float; e(n) "));
    }

    [Test]
    public void The_stack_trace_starts_at_the_assertion_not_inside_the_adapter()
    {
        double[] theta = KnownCosts.Theta;
        double[] grad = KnownCosts.Scaled(KnownCosts.Gradient(theta), 1.01);

        var failure = Assert.Throws<ShouldAssertException>(() => grad.ShouldBeGradientOf(KnownCosts.Cost, theta));

        Assert.That(failure.StackTrace, Does.Not.Contain("GradCheck.Shouldly.ShouldBe").And.Not.Contain("GradCheck.Shouldly.GradientAssertion"));
        Assert.That(failure.StackTrace, Does.Contain(nameof(The_stack_trace_starts_at_the_assertion_not_inside_the_adapter)));
    }

    private static string Normalized(string text) => text.ReplaceLineEndings("\n");

    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
