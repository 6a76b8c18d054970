using GradCheck.Examples.Models;
using GradCheck.Testing;
using Shouldly;

namespace GradCheck.Shouldly.Tests.Messages;

/// <summary>
/// Shouldly's failure messages against their approved texts, each scenario with its passing twin. The
/// culture is pinned to de-DE, whose decimal separator is a comma, so a number formatted with the
/// machine's culture would show up as a difference.
/// </summary>
[SetCulture("de-DE")]
[SetUICulture("de-DE")]
public class ShouldlyMessageSnapshotTests
{
    [Test]
    public void Seeds_network_with_planted_bugs()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> grads = net.Backward(X, Y);
        grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters);

        KnownCosts.Scale(grads["dW2"], 2.0);
        KnownCosts.Scale(grads["db1"], 4.0);
        Approve(() => grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters), nameof(Seeds_network_with_planted_bugs));
    }

    [Test]
    public void Float_gradient_one_percent_off()
    {
        float[] theta = KnownCosts.ThetaF;
        float[] grad = KnownCosts.GradientF(theta);
        grad.ShouldBeGradientOf(KnownCosts.CostF, theta);

        float[] offByOnePercent = KnownCosts.Scaled(grad, 1.01f);
        Approve(() => offByOnePercent.ShouldBeGradientOf(KnownCosts.CostF, theta), nameof(Float_gradient_one_percent_off));
    }

    [Test]
    public void Right_gradient_asserted_wrong()
    {
        double[] theta = KnownCosts.Theta;
        double[] wrong = KnownCosts.Scaled(KnownCosts.Gradient(theta), -1.0);
        wrong.ShouldNotBeGradientOf(KnownCosts.Cost, theta);

        double[] grad = KnownCosts.Gradient(theta);
        Approve(() => grad.ShouldNotBeGradientOf(KnownCosts.Cost, theta), nameof(Right_gradient_asserted_wrong));
    }

    [Test]
    public void Taylor_remainder_of_a_doubled_tensor()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Tanh, seed: 2);
        (double[,] X, double[,] Y) = SeedData.ThreeLayerSmall<double>();
        var taylor = new GradientCheckOptions { Coverage = CheckCoverage.TaylorRemainder() };
        Dictionary<string, double[,]> grads = net.Backward(X, Y);
        grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters, taylor);

        KnownCosts.Scale(grads["dW2"], 2.0);
        Approve(() => grads.ShouldBeGradientOf(() => net.Cost(X, Y), net.Parameters, taylor), nameof(Taylor_remainder_of_a_doubled_tensor));
    }

    [Test]
    public void Adjoint_transposed()
    {
        // A 2 x 3 matrix and the function meant to apply its transpose.
        double[] Map(double[] v) => [v[0] + (2 * v[1]) + (3 * v[2]), (4 * v[0]) + (5 * v[1]) + (6 * v[2])];
        Func<double[], double[]> transpose = w => [w[0] + (4 * w[1]), (2 * w[0]) + (5 * w[1]), (3 * w[0]) + (6 * w[1])];
        Func<double[], double[]> wrong = w => [w[0] + (2 * w[1]), (3 * w[0]) + (4 * w[1]), (5 * w[0]) + (6 * w[1])];
        transpose.ShouldBeAdjointOf(Map, inputLength: 3);

        Approve(() => wrong.ShouldBeAdjointOf(Map, inputLength: 3), nameof(Adjoint_transposed));
    }

    [Test]
    public void Cost_NaN_at_the_given_point()
    {
        double[] inside = [1.0, 2.0];
        double[] outside = [-1.0, 2.0];
        new[] { 1.0, 1.0 }.ShouldBeGradientOf(t => Math.Log(t[0]) + t[1], inside);

        double[] grad = [-1.0, 1.0];
        Approve(() => grad.ShouldBeGradientOf(t => Math.Log(t[0]) + t[1], outside, "the log is outside its domain on purpose"), nameof(Cost_NaN_at_the_given_point));
    }

    /// <summary>The assertion must fail; its message must be the approved one.</summary>
    private static void Approve(Action assertion, string scenario)
    {
        ShouldAssertException failure = Should.Throw<ShouldAssertException>(assertion);
        ApprovedText.Verify(failure.Message, scenario);
    }
}
