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
}
