using GradCheck.NUnit;

namespace GradCheck.Examples.Tests;

/// <summary>
/// The flat form: a pure cost of one parameter vector, like scipy's check_grad. Here a logistic
/// regression's mean cross-entropy over four examples, with theta = [w0, w1, bias].
/// </summary>
public class LogisticRegressionTests
{
    private static readonly double[][] Inputs = [[0.5, -1.0], [1.5, 2.0], [-0.3, 0.8], [2.2, -0.4]];
    private static readonly double[] Labels = [1, 0, 1, 0];
    private static readonly double[] Theta = [0.3, -0.2, 0.1];

    [Test]
    public void Backprop_matches_the_cost()
    {
        double[] grad = Gradient(Theta);

        Assert.That(grad, Is.GradientOf((double[] t) => Cost(t)).At(Theta));
        Assert.That(grad, Is.GradientOf((double[] t) => Cost(t)).At(Theta).Within(1e-7));
    }

    [Test]
    public void A_planted_bug_is_caught()
    {
        double[] wrong = Gradient(Theta);
        wrong[2] *= -1; // the bias gradient with its sign flipped

        Assert.That(wrong, Is.Not.GradientOf((double[] t) => Cost(t)).At(Theta));
    }

    [Test]
    public void The_float_version_reads_the_same()
    {
        float[] thetaF = [.. Theta.Select(value => (float)value)];
        float[] gradF = [.. Gradient(Theta).Select(value => (float)value)];

        Assert.That(gradF, Is.GradientOf((float[] t) => CostF(t)).At(thetaF));
    }

    private static double Cost(double[] theta)
    {
        double total = 0;
        for (int i = 0; i < Inputs.Length; i++)
        {
            double p = Sigmoid((theta[0] * Inputs[i][0]) + (theta[1] * Inputs[i][1]) + theta[2]);
            total -= (Labels[i] * Math.Log(p)) + ((1 - Labels[i]) * Math.Log(1 - p));
        }

        return total / Inputs.Length;
    }

    private static float CostF(float[] theta) => (float)Cost([.. theta.Select(value => (double)value)]);

    // dJ/dtheta = mean over examples of (p - y) * [x0, x1, 1].
    private static double[] Gradient(double[] theta)
    {
        double[] gradient = new double[3];
        for (int i = 0; i < Inputs.Length; i++)
        {
            double error = Sigmoid((theta[0] * Inputs[i][0]) + (theta[1] * Inputs[i][1]) + theta[2]) - Labels[i];
            gradient[0] += error * Inputs[i][0] / Inputs.Length;
            gradient[1] += error * Inputs[i][1] / Inputs.Length;
            gradient[2] += error / Inputs.Length;
        }

        return gradient;
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));
}
