using GradCheck.Examples.Models;
using Shouldly;

namespace GradCheck.Shouldly.Tests;

/// <summary>ShouldBeGradientOf as a user writes it: right gradients pass, wrong ones fail, bad input throws.</summary>
public class ShouldBeGradientOfTests
{
    [Test]
    public void Flat_gradient_of_a_known_cost_passes_in_double()
    {
        double[] theta = KnownCosts.Theta;
        double[] grad = KnownCosts.Gradient(theta);

        grad.ShouldBeGradientOf(KnownCosts.Cost, theta);
    }

    [Test]
    public void Flat_gradient_of_a_known_cost_passes_in_float()
    {
        float[] theta = KnownCosts.ThetaF;
        float[] grad = KnownCosts.GradientF(theta);

        // The default tolerance derives from float's own epsilon: the same assertion as in double.
        grad.ShouldBeGradientOf(KnownCosts.CostF, theta);
    }

    [Test]
    public void Fails_when_every_entry_is_off_by_one_percent()
    {
        double[] theta = KnownCosts.Theta;
        double[] grad = KnownCosts.Scaled(KnownCosts.Gradient(theta), 1.01);

        var failure = Assert.Throws<ShouldAssertException>(() => grad.ShouldBeGradientOf(KnownCosts.Cost, theta));

        Assert.That(failure.Message, Does.Contain("theta (4): 4 of 4 entries outside tolerance"));
    }

    [Test]
    public void Fails_in_float_when_every_entry_is_off_by_one_percent()
    {
        float[] theta = KnownCosts.ThetaF;
        float[] grad = KnownCosts.Scaled(KnownCosts.GradientF(theta), 1.01f);

        // |J| is about 0.35 here and the entries 0.5 to 1.8: float resolves them to about 1e-5 |J| / h, far below 1%.
        var failure = Assert.Throws<ShouldAssertException>(() => grad.ShouldBeGradientOf(KnownCosts.CostF, theta));

        Assert.That(failure.Message, Does.Contain("4 of 4 entries outside tolerance"));
    }

    [Test]
    public void Fails_when_one_sign_is_flipped_and_names_the_entry()
    {
        double[] theta = KnownCosts.Theta;
        double[] grad = KnownCosts.Gradient(theta);
        grad[3] = -grad[3];

        var failure = Assert.Throws<ShouldAssertException>(() => grad.ShouldBeGradientOf(KnownCosts.Cost, theta));

        Assert.That(failure.Message, Does.Contain("1 of 4 entries outside tolerance").And.Contain("theta[3]"));
        Assert.That(failure.Message, Does.Not.Contain("theta[0]"));
    }

    [Test]
    public void Options_state_the_tolerance()
    {
        double[] theta = KnownCosts.Theta;
        double[] offByOnePercent = KnownCosts.Scaled(KnownCosts.Gradient(theta), 1.01);

        // A 1% error is inside a 0.1 rule (|a - n| <= 0.1 + 0.1 max(|a|, |n|)) and far outside a 1e-7 one.
        offByOnePercent.ShouldBeGradientOf(KnownCosts.Cost, theta, new GradientCheckOptions { Tolerance = GradientTolerance.Within(0.1) });
        var failure = Assert.Throws<ShouldAssertException>(
            () => offByOnePercent.ShouldBeGradientOf(KnownCosts.Cost, theta, new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-7) }));

        Assert.That(failure.Message, Does.Contain("each entry within the rule below"));
        Assert.That(failure.Message, Does.Contain("Rule: |a - n| <= 1e-07 + 1e-07 * max(|a|, |n|); NaN or infinity fails"));
    }

    [Test]
    public void Network_gradients_keyed_dW1_pass_in_double()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();

        Dictionary<string, double[,]> grads = net.Backward(X, Y);

        grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters);
        grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters, new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-7) });
    }

    [Test]
    public void Network_gradients_keyed_by_the_parameter_names_pass_in_float()
    {
        var net = new DenseNetwork<float>([4, 5, 3, 1], Activation.Tanh, seed: 1);
        (float[,] X, float[,] Y) = SeedData.ThreeLayerSmall<float>();

        // W1, b1, ... instead of dW1, db1, ...; any IReadOnlyDictionary will do.
        IReadOnlyDictionary<string, float[,]> gradients = net.Backward(X, Y).ToDictionary(pair => pair.Key[1..], pair => pair.Value);

        gradients.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters);
    }

    [Test]
    public void Fails_when_one_tensor_is_doubled_and_names_only_that_tensor()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Tanh, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> grads = net.Backward(X, Y);
        KnownCosts.Scale(grads["dW2"], 2.0);

        var failure = Assert.Throws<ShouldAssertException>(() => grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters));

        Assert.That(failure.Message, Does.Contain("1 of 6 tensors have entries outside tolerance"));
        Assert.That(failure.Message, Does.Contain("W2 (3, 5): 15 of 15 entries outside tolerance").And.Contain("W2[0,0]"));
        Assert.That(failure.Message, Does.Contain("Within tolerance: W1 (5, 4), b1 (5, 1), b2 (3, 1), W3 (1, 3), b3 (1, 1)"));
    }

    [Test]
    public void The_tensors_option_checks_and_names_only_those_tensors()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Tanh, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> grads = net.Backward(X, Y);
        KnownCosts.Scale(grads["dW2"], 2.0);

        // W2 is wrong, but only b1 and W3 are differentiated and judged.
        grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters, new GradientCheckOptions { Tensors = ["b1", "W3"] });
        var failure = Assert.Throws<ShouldAssertException>(
            () => grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters, new GradientCheckOptions { Tensors = ["W2"] }));

        Assert.That(failure.Message, Does.Contain("should be the gradient of the cost with respect to W2 (3, 5), each entry"));
    }

    [Test]
    public void A_cost_that_cannot_be_checked_fails_and_says_why()
    {
        var dropout = new Random(11);
        double[] theta = [0.3, -0.7, 1.1];
        double[] grad = [0.6, -1.4, 2.2];

        var failure = Assert.Throws<ShouldAssertException>(
            () => grad.ShouldBeGradientOf(t => t.Sum(v => dropout.NextDouble() < 0.5 ? 0 : v * v), theta));

        Assert.That(failure.Message, Does.Contain("    but the check could not decide:").And.Contain("the cost is not deterministic"));
    }

    [Test]
    public void Mismatched_gradient_names_throw_the_engines_ArgumentException()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> grads = net.Backward(X, Y);
        grads.Remove("db3");
        grads["dW4"] = new double[1, 1];

        // Bad input is not a verdict on the gradient: an ArgumentException, not a ShouldAssertException.
        var error = Assert.Throws<ArgumentException>(() => grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters));

        Assert.That(error.Message, Does.Contain("no gradient for parameter 'b3'").And.Contain("gradient 'dW4' matches no parameter").And.Contain("Parameters: W1, b1, W2, b2, W3, b3."));
    }

    [Test]
    public void A_gradient_of_the_wrong_shape_throws_naming_both_shapes()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> grads = net.Backward(X, Y);
        grads["dW1"] = new double[5, 5];

        Assert.That(
            () => grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters),
            Throws.ArgumentException.With.Message.Contains("gradient 'dW1' has shape (5, 5) but parameter 'W1' has shape (5, 4)"));
    }

    [Test]
    public void A_flat_gradient_of_the_wrong_length_throws()
    {
        double[] theta = KnownCosts.Theta;
        double[] tooShort = [1.0, 2.0, 3.0];

        Assert.That(
            () => tooShort.ShouldBeGradientOf(KnownCosts.Cost, theta),
            Throws.ArgumentException.With.Message.Contains("The gradient has shape (3) but theta, the point it is the gradient at, has shape (4)"));
    }

    [Test]
    public void An_empty_parameter_dictionary_throws()
    {
        var grads = new Dictionary<string, double[]> { ["dW"] = [1.0] };

        Assert.That(
            () => grads.ShouldBeGradientOf(() => 0.0, new Dictionary<string, double[]>()),
            Throws.ArgumentException.With.Message.Contains("There are no parameters to check: the parameter dictionary is empty"));
    }

    [Test]
    public void A_null_gradient_throws_ArgumentNullException()
    {
        double[] grad = null!;
        Dictionary<string, double[,]> grads = null!;
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();

        Assert.That(() => grad.ShouldBeGradientOf(KnownCosts.Cost, KnownCosts.Theta), Throws.ArgumentNullException);
        Assert.That(() => grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters), Throws.ArgumentNullException);
    }

    [Test]
    public void Parameters_are_bitwise_unchanged_after_a_failing_assertion()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, long[]> before = KnownCosts.Bits(net.Parameters);
        Dictionary<string, double[,]> grads = net.Backward(X, Y);
        KnownCosts.Scale(grads["dW1"], -1.0);

        Assert.Throws<ShouldAssertException>(() => grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters));

        Assert.That(KnownCosts.Bits(net.Parameters), Is.EqualTo(before));
    }

    [Test]
    public void Theta_and_the_gradient_are_bitwise_unchanged()
    {
        double[] theta = KnownCosts.Theta;
        double[] grad = KnownCosts.Scaled(KnownCosts.Gradient(theta), 1.01);
        long[] thetaBefore = [.. theta.Select(BitConverter.DoubleToInt64Bits)];
        long[] gradBefore = [.. grad.Select(BitConverter.DoubleToInt64Bits)];

        Assert.Throws<ShouldAssertException>(() => grad.ShouldBeGradientOf(KnownCosts.Cost, theta));

        Assert.That(theta.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(thetaBefore));
        Assert.That(grad.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(gradBefore));
    }

    [Test]
    public void A_failure_counts_in_ShouldSatisfyAllConditions()
    {
        double[] theta = KnownCosts.Theta;
        double[] grad = KnownCosts.Gradient(theta);
        double[] wrong = KnownCosts.Scaled(grad, 1.01);

        var failure = Assert.Throws<ShouldAssertException>(() => theta.ShouldSatisfyAllConditions(
            () => grad.ShouldBeGradientOf(KnownCosts.Cost, theta),
            () => wrong.ShouldBeGradientOf(KnownCosts.Cost, theta)));

        Assert.That(failure.Message, Does.Contain("--------------- Error 1 ---------------").And.Contain("    wrong"));
        Assert.That(failure.Message, Does.Not.Contain("Error 2"));
    }
}
