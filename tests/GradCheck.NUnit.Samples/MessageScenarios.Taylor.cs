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

    private static float TrigonometricCost(float[] t)
    {
        float sum = MathF.Exp(t[0] / 2);
        for (int i = 0; i < t.Length; i++)
        {
            float next = t[(i + 1) % t.Length];
            sum += MathF.Sin(t[i]) * next * next;
        }

        return sum;
    }

    private static float[] TrigonometricGradient(float[] t, float factor)
    {
        int n = t.Length;
        var gradient = new float[n];
        for (int i = 0; i < n; i++)
        {
            float next = t[(i + 1) % n];
            gradient[i] = (MathF.Cos(t[i]) * next * next) + (2 * t[i] * MathF.Sin(t[(i + n - 1) % n]));
        }

        gradient[0] += MathF.Exp(t[0] / 2) / 2;
        return [.. gradient.Select(value => factor * value)];
    }

    /// <summary>f(t) = Σ sin(t_i) t_(i+1)² + exp(t_0 / 2) in double, its gradient, and its H v with or without the mixed partials 2 cos(t_i) t_(i+1).</summary>
    private static void TaylorWithHessian(bool withCrossTerm)
    {
        double[] theta = [0.3, -1.2, 0.8, 1.1, -0.4];
        double[] gradient = TrigonometricGradientInDouble(theta);
        Assert.That(gradient, Is.GradientOf<double>(TrigonometricCostInDouble).At(theta).ByTaylorRemainder(seed: 4).WithHessianVectorProduct((t, v) => TrigonometricHessianVectorProduct(t, v, withCrossTerm)));
    }

    private static double TrigonometricCostInDouble(double[] t)
    {
        double sum = Math.Exp(t[0] / 2);
        for (int i = 0; i < t.Length; i++)
        {
            double next = t[(i + 1) % t.Length];
            sum += Math.Sin(t[i]) * next * next;
        }

        return sum;
    }

    private static double[] TrigonometricGradientInDouble(double[] t)
    {
        int n = t.Length;
        var gradient = new double[n];
        for (int i = 0; i < n; i++)
        {
            double next = t[(i + 1) % n];
            gradient[i] = (Math.Cos(t[i]) * next * next) + (2 * t[i] * Math.Sin(t[(i + n - 1) % n]));
        }

        gradient[0] += Math.Exp(t[0] / 2) / 2;
        return gradient;
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
