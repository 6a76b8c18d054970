using GradCheck.Examples.Models;
using GradCheck.NUnit;
using GradCheck.Reporting;

namespace GradCheck.Examples.Tests;

/// <summary>
/// A convolution (3x3, padding 1, 2 to 3 channels) followed by batch normalisation in training mode,
/// written test-first: these tests came before <see cref="ConvolutionBatchNorm{T}.Backward"/>. Each
/// draft on the way is kept as a <see cref="ConvolutionBatchNormBackward"/> with the test that caught
/// it, asserting what the check said about it in words; the full derivation passes, in double and in
/// float, in full and in fast mode, and as one test case per tensor.
/// </summary>
public class ConvolutionBatchNormTests
{
    private const int InputChannels = 2;
    private const int OutputChannels = 3;

    [Test]
    public void Backward_is_the_gradient_of_forward()
    {
        var layer = new ConvolutionBatchNorm<double>(InputChannels, OutputChannels, seed: 1);

        Assert.That(Layer.Of(Images(), layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients), Has.CorrectBackward);
    }

    [Test]
    public void Backward_is_the_gradient_of_forward_in_float()
    {
        var layer = new ConvolutionBatchNorm<float>(InputChannels, OutputChannels, seed: 1);

        Assert.That(Layer.Of(ToFloat(Images()), layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients), Has.CorrectBackward);
    }

    [Test]
    public void Backward_is_the_gradient_of_forward_in_fast_mode_and_on_a_sample()
    {
        var layer = new ConvolutionBatchNorm<double>(InputChannels, OutputChannels, seed: 1);
        LayerUnderTest<double[,,,], double[,,,]> underTest = Layer.Of(Images(), layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(underTest, Has.CorrectBackward.AlongRandomDirections(directionsPerTensor: 2));
            Assert.That(underTest, Has.CorrectBackward.OnSampledEntries(20));
        }
    }

    [Test]
    public void Before_the_backward_pass_is_written_the_check_says_the_backward_pass_threw()
    {
        var layer = new ConvolutionBatchNorm<double>(InputChannels, OutputChannels, seed: 1, ConvolutionBatchNormBackward.NotWritten);

        Assert.That(
            () => Layer.Of(Images(), layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).Check(),
            Throws.TypeOf<CostEvaluationException>().With.Message.EqualTo("The backward pass threw NotImplementedException: The backward pass is written after its test."));
    }

    [Test]
    public void A_kernel_read_rotated_in_the_weight_gradient_is_named_a_180_degree_rotation()
    {
        TensorReport weights = TheOnlyFailure(ConvolutionBatchNormBackward.KernelRotatedInWeightGradient);

        Assert.That(weights.Name, Is.EqualTo("W"));
        Assert.That(weights.Diagnosis?.Description, Does.StartWith("reversed along its last two axes: a[i,j,k,l] = n[i,j,2-k,2-l]").And.Contains("a kernel rotated 180°"));
    }

    [Test]
    public void Padding_off_by_one_in_the_input_gradient_is_named_a_shift_along_the_image_axes()
    {
        TensorReport input = TheOnlyFailure(ConvolutionBatchNormBackward.PaddingOffByOneInInputGradient);

        Assert.That(input.Name, Is.EqualTo("x"));
        Assert.That(input.Diagnosis?.Description, Does.StartWith("shifted by one along its last two axes: a[i,j,k,l] = n[i,j,k+1,l+1]").And.EndsWith("(padding or a stride off by one?)"));
    }

    [Test]
    public void A_weight_gradient_in_another_layout_is_named_channel_axes_swapped()
    {
        TensorReport weights = TheOnlyFailure(ConvolutionBatchNormBackward.ChannelAxesSwappedInWeightGradient);

        Assert.That(weights.Name, Is.EqualTo("W"));
        Assert.That(weights.Diagnosis?.Description, Does.StartWith("its first and second axes swapped").And.Contains("(2, 3, 3, 3) (channel axes in the wrong order?)"));
    }

    [TestCase("double")]
    [TestCase("float")]
    public void A_bias_gradient_taken_past_the_normalisation_says_the_cost_does_not_depend_on_the_bias(string type)
    {
        TensorReport bias = TheOnlyFailure(ConvolutionBatchNormBackward.BiasGradientPastTheNormalisation, type);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bias.Name, Is.EqualTo("b"));
            Assert.That(bias.Diagnosis?.Kind, Is.EqualTo(BugKind.NotReadByCost));
            Assert.That(bias.Diagnosis?.Description, Does.Contain("the cost does not depend on this tensor here (a bias followed by a normalisation is the classic case"));
            Assert.That(bias.Diagnosis?.Factor, Is.Null, "no factor is a ratio to noise");
        }
    }

    [TestCase(ConvolutionBatchNormBackward.KernelRotatedInWeightGradient)]
    [TestCase(ConvolutionBatchNormBackward.PaddingOffByOneInInputGradient)]
    [TestCase(ConvolutionBatchNormBackward.ChannelAxesSwappedInWeightGradient)]
    [TestCase(ConvolutionBatchNormBackward.BiasGradientPastTheNormalisation)]
    public void Fast_mode_catches_every_draft(ConvolutionBatchNormBackward draft)
    {
        var layer = new ConvolutionBatchNorm<double>(InputChannels, OutputChannels, seed: 1, draft);

        Assert.That(Layer.Of(Images(), layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients), Has.No.CorrectBackward.AlongRandomDirections());
    }

    /// <summary>One test case per tensor of the layer: <c>Backprop(ConvBatchNorm &gt; x)</c>, <c>... &gt; W</c>, <c>... &gt; b</c>, <c>... &gt; gamma</c>, <c>... &gt; beta</c>.</summary>
    [GradientCheck(nameof(ConvolutionBatchNormProblem))]
    public void Backprop(GradientCheckCase<double> check)
    {
    }

    private static GradientProblem<double> ConvolutionBatchNormProblem()
    {
        var layer = new ConvolutionBatchNorm<double>(InputChannels, OutputChannels, seed: 1);
        return Layer.Of(Images(), layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).AsProblem<double>("ConvBatchNorm");
    }

    /// <summary>The layer check of a draft, which must fail in exactly one tensor: that tensor's report.</summary>
    private static TensorReport TheOnlyFailure(ConvolutionBatchNormBackward draft, string type = "double")
    {
        GradientCheckReport report;
        if (type == "float")
        {
            var layer = new ConvolutionBatchNorm<float>(InputChannels, OutputChannels, seed: 1, draft);
            report = Layer.Of(ToFloat(Images()), layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).Check();
        }
        else
        {
            var layer = new ConvolutionBatchNorm<double>(InputChannels, OutputChannels, seed: 1, draft);
            report = Layer.Of(Images(), layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).Check();
        }

        Assert.That(report.FailedTensors.Count(), Is.EqualTo(1), report.ToString());
        return report.FailedTensors.Single();
    }

    /// <summary>Two images of 2 channels, 5x5, with values of no pattern.</summary>
    private static double[,,,] Images()
    {
        var x = new double[2, InputChannels, 5, 5];
        int flat = 0;
        for (int n = 0; n < x.GetLength(0); n++)
        {
            for (int c = 0; c < x.GetLength(1); c++)
            {
                for (int h = 0; h < x.GetLength(2); h++)
                {
                    for (int w = 0; w < x.GetLength(3); w++, flat++)
                    {
                        x[n, c, h, w] = Math.Sin((1.7 * flat) + 0.3) + (0.4 * Math.Cos(0.37 * flat * flat));
                    }
                }
            }
        }

        return x;
    }

    private static float[,,,] ToFloat(double[,,,] values)
    {
        var result = new float[values.GetLength(0), values.GetLength(1), values.GetLength(2), values.GetLength(3)];
        for (int n = 0; n < values.GetLength(0); n++)
        {
            for (int c = 0; c < values.GetLength(1); c++)
            {
                for (int h = 0; h < values.GetLength(2); h++)
                {
                    for (int w = 0; w < values.GetLength(3); w++)
                    {
                        result[n, c, h, w] = (float)values[n, c, h, w];
                    }
                }
            }
        }

        return result;
    }
}
