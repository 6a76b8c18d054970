using GradCheck.Examples.Models;
using GradCheck.NUnit;
using GradCheck.Reporting;

namespace GradCheck.Examples.Tests;

/// <summary>
/// A new layer written test-first: these tests came before <see cref="LayerNormalization{T}.Backward"/>.
/// The first draft (mean and variance treated as constants) failed the first test, naming x and only
/// x; the full derivation passes. The draft is kept as <see cref="LayerNormalizationBackward.StatisticsAsConstants"/>
/// so that the failure stays reproducible.
/// </summary>
public class LayerNormalizationTests
{
    private static readonly double[,] X =
    {
        { 0.5, -1.2, 2.0, 0.3 },
        { 1.5, 0.2, -0.7, -2.1 },
        { -0.4, 0.9, 0.1, 1.3 },
    };

    [Test]
    public void Backward_is_the_gradient_of_forward()
    {
        var norm = new LayerNormalization<double>(features: 4, seed: 1);

        Assert.That(Layer.Of(X, norm.Forward, norm.Backward).WithParameters(norm.Parameters, () => norm.Gradients), Has.CorrectBackward);
    }

    [Test]
    public void Backward_is_the_gradient_of_forward_in_float()
    {
        var norm = new LayerNormalization<float>(features: 4, seed: 1);
        float[,] x = ToFloat(X);

        Assert.That(Layer.Of(x, norm.Forward, norm.Backward).WithParameters(norm.Parameters, () => norm.Gradients), Has.CorrectBackward);
    }

    [Test]
    public void The_first_draft_treating_mean_and_variance_as_constants_fails_on_x_only()
    {
        var draft = new LayerNormalization<double>(features: 4, seed: 1, LayerNormalizationBackward.StatisticsAsConstants);

        GradientCheckReport report = Layer.Of(X, draft.Forward, draft.Backward).WithParameters(draft.Parameters, () => draft.Gradients).Check();

        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "x" }), report.ToString());
    }

    private static float[,] ToFloat(double[,] values)
    {
        var result = new float[values.GetLength(0), values.GetLength(1)];
        for (int i = 0; i < values.GetLength(0); i++)
        {
            for (int j = 0; j < values.GetLength(1); j++)
            {
                result[i, j] = (float)values[i, j];
            }
        }

        return result;
    }
}
