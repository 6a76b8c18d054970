using System.Numerics;
using GradCheck.Examples.Models;
using GradCheck.Testing;
using NUnit.Framework;

namespace GradCheck.NUnit.Samples;

/// <summary>The failure messages of the Taylor-remainder test, each with its passing twin.</summary>
public sealed partial class MessageScenarios
{
    [Test]
    public void Taylor_remainder_of_a_doubled_tensor_wrong() => TaylorNetwork(plant: true);

    [Test]
    public void Taylor_remainder_of_a_doubled_tensor_right() => TaylorNetwork(plant: false);

    [Test]
    public void Taylor_remainder_of_a_layer_wrong() => TaylorLayerNorm(LayerNormalizationBackward.StatisticsAsConstants);

    [Test]
    public void Taylor_remainder_of_a_layer_right() => TaylorLayerNorm(LayerNormalizationBackward.Correct);

    [Test]
    public void Taylor_remainder_of_a_flat_cost_in_float_wrong() => TaylorFlatFloat(factor: 1.5f);

    [Test]
    public void Taylor_remainder_of_a_flat_cost_in_float_right() => TaylorFlatFloat(factor: 1f);

    [Test]
    public void Taylor_remainder_with_a_Hessian_vector_product_wrong() => TaylorWithHessian(withCrossTerm: false);

    [Test]
    public void Taylor_remainder_with_a_Hessian_vector_product_right() => TaylorWithHessian(withCrossTerm: true);

    private static void TaylorNetwork(bool plant)
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Tanh, seed: 2);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> gradient = net.Backward(x, y);
        if (plant)
        {
            gradient["dW2"] = Mutations.Scaled(gradient["dW2"], 2);
        }

        Assert.That(gradient, Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters).ByTaylorRemainder());
    }

    private static void TaylorLayerNorm(LayerNormalizationBackward backward)
    {
        var norm = new LayerNormalization<double>(features: 4, seed: 1, backward);
        double[,] x = { { 0.5, -1.0, 2.0, 0.25 }, { 1.5, 0.75, -0.5, -2.0 }, { -0.25, 1.25, 0.0, 0.5 } };
        Assert.That(Layer.Of(x, norm.Forward, norm.Backward).WithParameters(norm.Parameters, () => norm.Gradients), Has.CorrectBackward.ByTaylorRemainder());
    }

    /// <summary>f(t) = Σ sin(t_i) t_(i+1)² + exp(t_0 / 2) in float, with its gradient scaled by <paramref name="factor"/>.</summary>
    private static void TaylorFlatFloat(float factor)
    {
        float[] theta = [0.3f, -1.2f, 0.8f, 1.1f, -0.4f];
        Assert.That(TrigonometricGradient(theta, factor), Is.GradientOf<float>(TrigonometricCost).At(theta).ByTaylorRemainder(seed: 4));
    }

    /// <summary>f(t) = Σ sin(t_i) t_(i+1)² + exp(t_0 / 2).</summary>
    private static T TrigonometricCost<T>(T[] t)
        where T : IFloatingPointIeee754<T>
    {
        T sum = T.Exp(t[0] / T.CreateTruncating(2));
        for (int i = 0; i < t.Length; i++)
        {
            T next = t[(i + 1) % t.Length];
            sum += T.Sin(t[i]) * next * next;
        }

        return sum;
    }

    /// <summary>The gradient of <see cref="TrigonometricCost{T}"/>, every entry times <paramref name="factor"/>.</summary>
    private static T[] TrigonometricGradient<T>(T[] t, T factor)
        where T : IFloatingPointIeee754<T>
    {
        int n = t.Length;
        T two = T.CreateTruncating(2);
        var gradient = new T[n];
        for (int i = 0; i < n; i++)
        {
            T next = t[(i + 1) % n];
            gradient[i] = (T.Cos(t[i]) * next * next) + (two * t[i] * T.Sin(t[(i + n - 1) % n]));
        }

        gradient[0] += T.Exp(t[0] / two) / two;
        return [.. gradient.Select(value => factor * value)];
    }

    /// <summary>f(t) = Σ sin(t_i) t_(i+1)² + exp(t_0 / 2) in double, its gradient, and its H v with or without the mixed partials 2 cos(t_i) t_(i+1).</summary>
    private static void TaylorWithHessian(bool withCrossTerm)
    {
        double[] theta = [0.3, -1.2, 0.8, 1.1, -0.4];
        double[] gradient = TrigonometricGradient(theta, factor: 1.0);
        Assert.That(gradient, Is.GradientOf<double>(TrigonometricCost).At(theta).ByTaylorRemainder(seed: 4).WithHessianVectorProduct((t, v) => TrigonometricHessianVectorProduct(t, v, withCrossTerm)));
    }

    private static double[] TrigonometricHessianVectorProduct(double[] t, double[] v, bool withCrossTerm)
    {
        int n = t.Length;
        var product = new double[n];
        product[0] = Math.Exp(t[0] / 2) / 4 * v[0];
        for (int i = 0; i < n; i++)
        {
            int j = (i + 1) % n;
            double cross = withCrossTerm ? 2 * Math.Cos(t[i]) * t[j] : 0;
            product[i] += (-Math.Sin(t[i]) * t[j] * t[j] * v[i]) + (cross * v[j]);
            product[j] += (cross * v[i]) + (2 * Math.Sin(t[i]) * v[j]);
        }

        return product;
    }
}
