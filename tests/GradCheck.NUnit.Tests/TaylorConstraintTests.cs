using GradCheck.Examples.Models;

namespace GradCheck.NUnit.Tests;

public class TaylorConstraintTests
{
    [Test]
    public void ByTaylorRemainder_names_the_seeds_two_wrong_tensors_with_their_factors()
    {
        var net = new DenseNetwork<double>([12288, 5, 5, 1], Activation.Tanh, seed: 2);
        (double[,] x, double[,] y) = SeedData.SyntheticCatImage<double>(seed: 2);
        Dictionary<string, double[,]> wrong = net.Backward(x, y);
        Problems.Scale(wrong["dW2"], 2.0);
        Problems.Scale(wrong["db1"], 4.0);

        (bool passed, string message) = ConstraintMessages.Apply(Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters).ByTaylorRemainder(), wrong);

        Assert.That(passed, Is.False);
        Assert.That(message, Does.Contain("2 of 6 tensors outside tolerance (by the Taylor test along a random direction per tensor;"));
        Assert.That(message, Does.Contain("b1: every entry is 4.000x the numerical gradient"));
        Assert.That(message, Does.Contain("R1 shrinks as h^1.0"));
        Assert.That(message, Does.Contain("Coverage = CheckCoverage.TaylorRemainder(0, 8)"));
    }

    [Test]
    public void ByTaylorRemainder_passes_a_correct_gradient_and_Is_Not_fails_it_and_says_its_rule()
    {
        double[] theta = [0.3, -1.2, 2.5];
        double[] gradient = [.. theta.Select(value => 3 * value * value)];
        static double Cost(double[] t) => t.Sum(value => value * value * value);

        Assert.That(gradient, Is.GradientOf<double>(Cost).At(theta).ByTaylorRemainder(seed: 11));
        Assert.That(ConstraintMessages.Apply(Is.Not.GradientOf<double>(Cost).At(theta).ByTaylorRemainder(), gradient).Passed, Is.False);
        Assert.That(Is.GradientOf<double>(Cost).At(theta).ByTaylorRemainder().Description, Does.EndWith(", by the Taylor-remainder test below"));
        Assert.That(Is.Not.GradientOf<double>(Cost).At(theta).ByTaylorRemainder().Description, Does.EndWith("its Taylor remainder R1(h) shrinking as h^2 along a random direction per tensor (order at least 1.75)"));
    }

    [Test]
    public void WithHessianVectorProduct_passes_a_right_product_fails_a_wrong_one_and_says_its_rule()
    {
        double[] theta = [0.3, -1.2, 2.5];
        double[] gradient = [.. theta.Select(value => 3 * value * value)];
        static double Cost(double[] t) => t.Sum(value => value * value * value) + (t[0] * t[1] * t[2]);
        double[] Gradient(double[] t) => [3 * t[0] * t[0] + (t[1] * t[2]), 3 * t[1] * t[1] + (t[0] * t[2]), 3 * t[2] * t[2] + (t[0] * t[1])];
        static double[] Product(double[] t, double[] v) => [(6 * t[0] * v[0]) + (t[2] * v[1]) + (t[1] * v[2]), (t[2] * v[0]) + (6 * t[1] * v[1]) + (t[0] * v[2]), (t[1] * v[0]) + (t[0] * v[1]) + (6 * t[2] * v[2])];
        static double[] WithoutMixedPartials(double[] t, double[] v) => [6 * t[0] * v[0], 6 * t[1] * v[1], 6 * t[2] * v[2]];

        Assert.That(Gradient(theta), Is.GradientOf<double>(Cost).At(theta).ByTaylorRemainder(seed: 3).WithHessianVectorProduct(Product));
        (bool passed, string message) = ConstraintMessages.Apply(Is.GradientOf<double>(Cost).At(theta).ByTaylorRemainder(seed: 3).WithHessianVectorProduct(WithoutMixedPartials), Gradient(theta));

        Assert.That(passed, Is.False);
        Assert.That(message, Does.Contain("the Hessian-vector product is wrong along this direction"));
        Assert.That(message, Does.Contain("R2(h) = |J(x + h u) - J(x) - h a · u - h^2/2 u · H u| must shrink as h^3 where it stands 32 times above the measured noise (order at least 2.75)"));
        Assert.That(Is.GradientOf<double>(Cost).At(theta).ByTaylorRemainder().WithHessianVectorProduct(Product).Description, Does.EndWith(", by the Taylor-remainder test below"));
        Assert.That(Is.Not.GradientOf<double>(Cost).At(theta).ByTaylorRemainder().WithHessianVectorProduct(Product).Description, Does.EndWith("its Taylor remainder R2(h) shrinking as h^3 along a random direction per tensor (order at least 2.75)"));
        Assert.That(() => Is.GradientOf<double>(Cost).At(theta).WithHessianVectorProduct(Product).ApplyTo(gradient), Throws.ArgumentException.With.Message.Contains("read only by the Taylor-remainder test"));
        Assert.That(() => Is.GradientOf<double>(Cost).At(theta).WithHessianVectorProduct(Product).WithHessianVectorProduct(Product), Throws.InvalidOperationException);
    }
}
