using GradCheck.Examples.Models;
using GradCheck.NUnit;
using GradCheck.Reporting;

namespace GradCheck.Examples.Tests;

public class ConvolutionBatchNormTests
{
    [Test]
    public void ExploreBias()
    {
        foreach (int seed in Enumerable.Range(1, 40))
        {
            foreach (var kind in new[] { ConvolutionBatchNormBackward.BiasGradientPastTheNormalisation, ConvolutionBatchNormBackward.Correct })
            {
            var layer = new ConvolutionBatchNorm<double>(2, 3, seed: seed, kind);
            var x = new double[2, 2, 5, 5];
            var rnd = new Random(seed);
            for (int n = 0; n < 2; n++) for (int c = 0; c < 2; c++) for (int h = 0; h < 5; h++) for (int w = 0; w < 5; w++) x[n, c, h, w] = rnd.NextDouble() * 4 - 2;
            GradientCheckReport report = Layer.Of(x, layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).WithSeed(seed).Check();
            TestContext.Out.WriteLine($"D {seed} {kind}: " + string.Join(" | ", report.FailedTensors.Select(t => t.Name + ": " + t.Diagnosis)));
            var layerf = new ConvolutionBatchNorm<float>(2, 3, seed: seed, kind);
            var xf = new float[2, 2, 5, 5];
            for (int n = 0; n < 2; n++) for (int c = 0; c < 2; c++) for (int h = 0; h < 5; h++) for (int w = 0; w < 5; w++) xf[n, c, h, w] = (float)x[n, c, h, w];
            GradientCheckReport reportf = Layer.Of(xf, layerf.Forward, layerf.Backward).WithParameters(layerf.Parameters, () => layerf.Gradients).WithSeed(seed).Check();
            TestContext.Out.WriteLine($"F {seed} {kind}: " + string.Join(" | ", reportf.FailedTensors.Select(t => t.Name + ": " + t.Diagnosis)));
            }
        }
    }

    [TestCase(ConvolutionBatchNormBackward.Correct)]
    [TestCase(ConvolutionBatchNormBackward.KernelRotatedInWeightGradient)]
    [TestCase(ConvolutionBatchNormBackward.PaddingOffByOneInInputGradient)]
    [TestCase(ConvolutionBatchNormBackward.ChannelAxesSwappedInWeightGradient)]
    [TestCase(ConvolutionBatchNormBackward.BiasGradientPastTheNormalisation)]
    public void Explore(ConvolutionBatchNormBackward kind)
    {
        var layer = new ConvolutionBatchNorm<double>(2, 3, seed: 1, kind);
        var x = new double[2, 2, 5, 5];
        var rnd = new Random(3);
        for (int n = 0; n < 2; n++) for (int c = 0; c < 2; c++) for (int h = 0; h < 5; h++) for (int w = 0; w < 5; w++) x[n, c, h, w] = rnd.NextDouble() * 2 - 1;
        GradientCheckReport report = Layer.Of(x, layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).Check();
        TestContext.Out.WriteLine(report.ToString());
        var layerf = new ConvolutionBatchNorm<float>(2, 3, seed: 1, kind);
        var xf = new float[2, 2, 5, 5];
        for (int n = 0; n < 2; n++) for (int c = 0; c < 2; c++) for (int h = 0; h < 5; h++) for (int w = 0; w < 5; w++) xf[n, c, h, w] = (float)x[n, c, h, w];
        GradientCheckReport reportf = Layer.Of(xf, layerf.Forward, layerf.Backward).WithParameters(layerf.Parameters, () => layerf.Gradients).Check();
        TestContext.Out.WriteLine(reportf.ToString());
    }
}
