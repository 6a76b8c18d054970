using GradCheck.Examples.Models;
using Shouldly;

namespace GradCheck.Shouldly.Tests;

/// <summary>ShouldNotBeGradientOf: planted bugs pass it, right gradients and uncheckable costs fail it.</summary>
public class ShouldNotBeGradientOfTests
{
    [Test]
    public void Planted_bugs_in_a_flat_gradient_pass()
    {
        double[] theta = KnownCosts.Theta;
        double[] offByOnePercent = KnownCosts.Scaled(KnownCosts.Gradient(theta), 1.01);
        double[] signFlipped = KnownCosts.Gradient(theta);
        signFlipped[0] = -signFlipped[0];
        float[] offByOnePercentF = KnownCosts.Scaled(KnownCosts.GradientF(KnownCosts.ThetaF), 1.01f);

        offByOnePercent.ShouldNotBeGradientOf(KnownCosts.Cost, theta);
        signFlipped.ShouldNotBeGradientOf(KnownCosts.Cost, theta);
        offByOnePercentF.ShouldNotBeGradientOf(KnownCosts.CostF, KnownCosts.ThetaF);
    }

    [Test]
    public void The_seeds_planted_bugs_in_a_network_pass()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> wrong = net.Backward(X, Y);
        KnownCosts.Scale(wrong["dW2"], 2.0);
        KnownCosts.Scale(wrong["db1"], 4.0);

        wrong.ShouldNotBeGradientOf(() => net.Cost(X, Y), net.Parameters);
        wrong.ShouldNotBeGradientOf(() => net.Cost(X, Y), net.Parameters, new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-7) });
    }

    [Test]
    public void A_right_gradient_fails_and_shows_the_passing_report()
    {
        double[] theta = KnownCosts.Theta;
        double[] grad = KnownCosts.Gradient(theta);

        var failure = Assert.Throws<ShouldAssertException>(() => grad.ShouldNotBeGradientOf(KnownCosts.Cost, theta));

        Assert.That(failure.Message.ReplaceLineEndings("\n"), Does.StartWith("grad\n    should not be the gradient of the cost with respect to theta (4), each entry within the rule below\n"));
        Assert.That(failure.Message.ReplaceLineEndings("\n"), Does.Contain("\n    but was:\nGradient check passed: 1 tensor, 4 entries within tolerance."));
        Assert.That(failure.Message.ReplaceLineEndings("\n"), Does.Contain("\nRule: |a - n| <= 2 e(n) + 128 ε (max(|a|, |n|) + max|n| in the tensor), e(n) the estimated error of n; NaN or infinity fails"), "the rule the expectation refers to");
    }

    [Test]
    public void A_loose_tolerance_makes_a_small_error_fail()
    {
        double[] theta = KnownCosts.Theta;
        double[] offByOnePercent = KnownCosts.Scaled(KnownCosts.Gradient(theta), 1.01);

        Assert.Throws<ShouldAssertException>(
            () => offByOnePercent.ShouldNotBeGradientOf(KnownCosts.Cost, theta, new GradientCheckOptions { Tolerance = GradientTolerance.Within(0.1) }));
    }

    [Test]
    public void A_right_network_gradient_fails()
    {
        var net = new DenseNetwork<float>([4, 5, 3, 1], Activation.Tanh, seed: 1);
        (float[,] X, float[,] Y) = SeedData.ThreeLayerSmall<float>();
        Dictionary<string, float[,]> gradients = net.Backward(X, Y);

        var failure = Assert.Throws<ShouldAssertException>(() => gradients.ShouldNotBeGradientOf(() => net.Cost(X, Y), net.Parameters));

        Assert.That(failure.Message.ReplaceLineEndings("\n"), Does.StartWith("gradients\n    should not be the gradient of the cost with respect to W1 (5, 4), b1 (5, 1), W2 (3, 5)"));
    }

    [Test]
    public void A_cost_that_is_NaN_fails_rather_than_passing_by_default()
    {
        double[] theta = [-1.0];
        double[] wrong = [5.0];

        // log(-1) is NaN: the check cannot tell a wrong gradient from a right one, so "not" must not pass.
        var failure = Assert.Throws<ShouldAssertException>(() => wrong.ShouldNotBeGradientOf(t => Math.Log(t[0]), theta));

        Assert.That(failure.Message, Does.Contain("    but the check could not decide:").And.Contain("the cost is NaN at the given parameters"));
    }

    [Test]
    public void Mismatched_gradient_names_throw_rather_than_pass()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> grads = net.Backward(X, Y);
        grads["dW1_typo"] = grads["dW1"];
        grads.Remove("dW1");

        Assert.That(
            () => grads.ShouldNotBeGradientOf(() => net.Cost(X, Y), net.Parameters),
            Throws.ArgumentException.With.Message.Contains("no gradient for parameter 'W1'"));
    }
}
