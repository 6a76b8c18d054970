using System.Numerics.Tensors;
using GradCheck.Examples.Models;

namespace GradCheck.NUnit.Tests;

/// <summary>The entry points as a user writes them: Is.GradientOf(...), Is.Not.GradientOf(...).</summary>
public class GradientSyntaxTests
{
    [Test]
    public void Flat_cost_passes_with_its_gradient()
    {
        Assert.That(Problems.Gradient(Problems.Theta), Is.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta));
    }

    [Test]
    public void Flat_cost_in_float_passes_with_its_gradient()
    {
        float[] theta = [.. Problems.Theta.Select(value => (float)value)];
        Assert.That(Problems.GradientF(theta), Is.GradientOf((float[] t) => Problems.CostF(t)).At(theta));
    }

    [Test]
    public void Not_inverts_the_verdict()
    {
        double[] wrong = Problems.Gradient(Problems.Theta);
        wrong[0] = -wrong[0];

        Assert.That(wrong, Is.Not.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta));
        (bool passed, _) = ConstraintMessages.Apply(
            Is.Not.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta), Problems.Gradient(Problems.Theta));
        Assert.That(passed, Is.False, "a correct gradient must fail Is.Not.GradientOf");
    }

    [Test]
    public void Not_keeps_a_Within_given_after_it()
    {
        double[] offByOnePercent = [.. Problems.Gradient(Problems.Theta).Select(value => value * 1.01)];

        // 1% off fails a 1e-7 rule, so Not passes; the same error passes a 0.1 rule, so Not fails.
        Assert.That(offByOnePercent, Is.Not.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta).Within(1e-7));
        (bool passed, _) = ConstraintMessages.Apply(
            Is.Not.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta).Within(0.1), offByOnePercent);
        Assert.That(passed, Is.False);
    }

    [Test]
    public void Flat_gradient_may_be_memory_or_a_tensor()
    {
        double[] gradient = Problems.Gradient(Problems.Theta);

        Assert.That(new Memory<double>(gradient), Is.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta));
        Assert.That(new ReadOnlyMemory<double>(gradient), Is.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta));
        Assert.That(Tensor.Create(gradient), Is.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta));
    }

    [Test]
    public void Named_tensors_in_mixed_containers_are_checked_in_place()
    {
        // J = sum(W ∘ W) + <b, v> + sum(c^3) over a T[,], a Tensor<T> and a Memory<T>.
        double[,] w = { { 0.5, -1 }, { 2, 0.25 } };
        Tensor<double> b = Tensor.Create<double>([1.5, -0.5, 3], [3]);
        double[] v = [0.1, 0.2, 0.3];
        Memory<double> c = new double[] { 0.0, 0.7, -1.1, 9.0 }.AsMemory(1, 2);
        var parameters = new Dictionary<string, object> { ["W"] = w, ["b"] = b, ["c"] = c };

        double Cost()
        {
            double total = 0;
            foreach (double entry in w)
            {
                total += entry * entry;
            }

            for (int i = 0; i < 3; i++)
            {
                total += b[i] * v[i];
            }

            foreach (double entry in c.Span)
            {
                total += entry * entry * entry;
            }

            return total;
        }

        var gradients = new Dictionary<string, object>
        {
            ["dW"] = new double[,] { { 1, -2 }, { 4, 0.5 } },
            ["db"] = Tensor.Create<double>([0.1, 0.2, 0.3], [3]),
            ["dc"] = new double[] { 3 * 0.7 * 0.7, 3 * 1.1 * 1.1 },
        };

        Assert.That(gradients, Is.GradientOf(Cost).WithRespectTo(parameters));
    }

    [Test]
    public void Gradients_may_be_keyed_by_the_parameter_names()
    {
        var net = new DenseNetwork<double>([3, 2, 1], Activation.Sigmoid, seed: 4);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        double[,] inputs = new double[3, x.GetLength(1)];
        Array.Copy(x, inputs, inputs.Length);
        Dictionary<string, double[,]> byParameterName = net.Backward(inputs, y).ToDictionary(pair => pair.Key[1..], pair => pair.Value);

        Assert.That(byParameterName, Is.GradientOf(() => net.Cost(inputs, y)).WithRespectTo(net.Parameters));
    }
}
