using GradCheck.Examples.Models;

namespace GradCheck.NUnit.Tests;

/// <summary>
/// The classic gradient-checking examples (see the project's seeds), as NUnit assertions: the correct
/// backprop passes, planted bugs fail, and the message names exactly the wrong tensors.
/// </summary>
public class SeedNetworkTests
{
    [Test]
    public void One_dimensional_linear_cost_passes_and_a_wrong_derivative_fails()
    {
        const double x = 2;
        double[] theta = [4];

        Assert.That(new[] { x }, Is.GradientOf((double[] t) => t[0] * x).At(theta));
        Assert.That(new[] { theta[0] }, Is.Not.GradientOf((double[] t) => t[0] * x).At(theta));
    }

    [Test]
    public void Three_layer_relu_network_passes_within_1e7()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();

        Assert.That(net.Backward(x, y), Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters).Within(1e-7));
    }

    [Test]
    public void The_seeds_planted_bugs_fail_and_the_message_names_W2_and_b1_only()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> planted = net.Backward(x, y);
        Problems.Scale(planted["dW2"], 2.0);
        Problems.Scale(planted["db1"], 4.0);

        (bool passed, string message) = ConstraintMessages.Apply(
            Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters).Within(1e-7), planted);

        Assert.That(passed, Is.False);
        Assert.That(message, Does.Contain("But was:  2 of 6 tensors outside tolerance: b1 (5 of 5 entries), W2 ("));
        Assert.That(message, Does.Contain("\nb1 (5, 1): 5 of 5 entries outside tolerance"));
        Assert.That(message, Does.Contain("\nW2 (3, 5): "));
        Assert.That(message, Does.Contain("Within tolerance: W1 (5, 4), b2 (3, 1), W3 (1, 3), b3 (1, 1)"));
        foreach (string correct in new[] { "W1", "b2", "W3", "b3" })
        {
            Assert.That(message, Does.Not.Contain($"\n{correct} ("), $"{correct} is correct and must not be listed as failing");
            Assert.That(message, Does.Not.Contain($"  {correct}["), $"no entry of {correct} may be listed");
        }
    }

    [Test]
    public void Seeded_network_on_X_5_by_4_passes()
    {
        var net = new DenseNetwork<double>([5, 6, 3, 1], Activation.Relu, seed: 3);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSeeded<double>();

        Assert.That(net.Backward(x, y), Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters).Within(1e-7));
    }

    [Test]
    public void Xor_network_with_bias_columns_passes()
    {
        var net = new XorNetwork<double>(seed: 7);
        (double[,] x, double[,] y) = XorNetwork<double>.Data();

        Assert.That(net.Backward(x, y), Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters));
    }

    [Test]
    public void Float_network_passes_and_fails_when_one_tensor_is_one_percent_off()
    {
        var net = new DenseNetwork<float>([4, 5, 3, 1], Activation.Tanh, seed: 1);
        (float[,] x, float[,] y) = SeedData.ThreeLayerSmall<float>();
        Dictionary<string, float[,]> wrong = net.Backward(x, y);
        Problems.Scale(wrong["dW2"], 1.01f);

        Assert.That(net.Backward(x, y), Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters));
        Assert.That(wrong, Is.Not.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters));
    }

    [TestCase("scaled by 1.01")]
    [TestCase("sign flipped")]
    [TestCase("one entry changed")]
    [TestCase("two tensors swapped")]
    public void Gradients_wrong_on_purpose_fail(string bug)
    {
        var net = new DenseNetwork<double>([5, 6, 3, 1], Activation.Tanh, seed: 5);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSeeded<double>();
        Dictionary<string, double[,]> wrong = net.Backward(x, y);
        switch (bug)
        {
            case "scaled by 1.01":
                Problems.Scale(wrong["dW1"], 1.01);
                break;
            case "sign flipped":
                Problems.Scale(wrong["db2"], -1.0);
                break;
            case "one entry changed":
                wrong["dW2"][1, 3] += 1e-3;
                break;
            case "two tensors swapped":
                (wrong["db2"], wrong["dW3"]) = (Reshape(wrong["dW3"], 3, 1), Reshape(wrong["db2"], 1, 3));
                break;
        }

        Assert.That(wrong, Is.Not.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters));
    }

    [Test]
    public void Tanh_network_on_a_64x64x3_image_passes_over_all_61481_parameters()
    {
        var net = new DenseNetwork<double>([12288, 5, 5, 1], Activation.Tanh, seed: 2);
        (double[,] x, double[,] y) = SeedData.SyntheticCatImage<double>(seed: 2);
        Dictionary<string, double[,]> gradients = net.Backward(x, y);
        Assert.That(gradients.Values.Sum(gradient => gradient.Length), Is.EqualTo(61481));

        Assert.That(gradients, Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters));
    }

    [Test]
    public void Message_for_a_wrong_61k_parameter_model_fits_on_a_screen()
    {
        var net = new DenseNetwork<double>([12288, 5, 5, 1], Activation.Tanh, seed: 2);
        (double[,] x, double[,] y) = SeedData.SyntheticCatImage<double>(seed: 2);
        Dictionary<string, double[,]> wrong = net.Backward(x, y);
        Problems.Scale(wrong["dW1"], 2.0);

        (bool passed, string message) = ConstraintMessages.Apply(Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters), wrong);

        Assert.That(passed, Is.False);
        Assert.That(message, Does.Contain("\nW1 (5, 12288): "));
        Assert.That(message.Split('\n'), Has.Length.LessThanOrEqualTo(30), message);
    }

    private static double[,] Reshape(double[,] source, int rows, int columns)
    {
        var reshaped = new double[rows, columns];
        Buffer.BlockCopy(source, 0, reshaped, 0, source.Length * sizeof(double));
        return reshaped;
    }
}
