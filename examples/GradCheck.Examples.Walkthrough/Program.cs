// The walkthrough: the classic gradient-checking examples, checked with GradCheck's plain API
// (no test framework). Each step says what it expects; the program exits with 1 if any step's
// verdict is not the expected one, so it doubles as a smoke test.
using System.Diagnostics;
using GradCheck;
using GradCheck.Examples.Models;
using GradCheck.Reporting;

var walkthrough = new Walkthrough();

walkthrough.Step("1-D: J(theta) = theta * x at x = 2, theta = 4; dJ/dtheta = x", () =>
{
    const double x = 2;
    double[] theta = [4];
    GradientCheckReport right = GradientChecker.Check((double[] t) => t[0] * x, theta, [x]);
    GradientCheckReport wrong = GradientChecker.Check((double[] t) => t[0] * x, theta, [theta[0]]);
    return [(right, true, "the derivative x"), (wrong, false, "the derivative written as theta")];
});

walkthrough.Step("3-layer ReLU network [4, 5, 3, 1] on X (4, 3), within 1e-7", () =>
{
    var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
    (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
    var options = new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-7) };
    Dictionary<string, double[,]> gradients = net.Backward(x, y);
    GradientCheckReport right = GradientChecker.Check(() => net.Cost(x, y), net.Parameters, gradients, options);

    // The seeds' planted bugs: dW2 doubled and db1 multiplied by 4.
    Dictionary<string, double[,]> planted = net.Backward(x, y);
    Scale(planted["dW2"], 2);
    Scale(planted["db1"], 4);
    GradientCheckReport wrong = GradientChecker.Check(() => net.Cost(x, y), net.Parameters, planted, options);
    return [(right, true, "the correct backprop"), (wrong, false, "backprop with dW2 * 2 and db1 * 4")];
});

walkthrough.Step("3-layer ReLU network [5, 6, 3, 1] on seeded X (5, 4), Y = [1, 1, 0, 0]", () =>
{
    var net = new DenseNetwork<double>([5, 6, 3, 1], Activation.Relu, seed: 3);
    (double[,] x, double[,] y) = SeedData.ThreeLayerSeeded<double>();
    return [(GradientChecker.Check(() => net.Cost(x, y), net.Parameters, net.Backward(x, y)), true, "the correct backprop")];
});

walkthrough.Step("XOR [2, 2, 2, 1], sigmoid everywhere, mean squared error, bias as column 0 of each Theta", () =>
{
    var net = new XorNetwork<double>(seed: 7);
    (double[,] x, double[,] y) = XorNetwork<double>.Data();
    return [(GradientChecker.Check(() => net.Cost(x, y), net.Parameters, net.Backward(x, y)), true, "the correct backprop")];
});

walkthrough.Step("The same small network in float32, default tolerance", () =>
{
    var net = new DenseNetwork<float>([4, 5, 3, 1], Activation.Tanh, seed: 1);
    (float[,] x, float[,] y) = SeedData.ThreeLayerSmall<float>();
    Dictionary<string, float[,]> gradients = net.Backward(x, y);
    GradientCheckReport right = GradientChecker.Check(() => net.Cost(x, y), net.Parameters, gradients);
    Dictionary<string, float[,]> planted = net.Backward(x, y);
    Scale(planted["dW3"], 1.01f);
    GradientCheckReport wrong = GradientChecker.Check(() => net.Cost(x, y), net.Parameters, planted);
    return [(right, true, "the correct backprop"), (wrong, false, "dW3 1% too large")];
});

walkthrough.Step("A new layer, test-first: layer normalisation's input and parameter gradients through J = <dy, f(x)>", () =>
{
    double[,] x = { { 0.5, -1.2, 2.0, 0.3 }, { 1.5, 0.2, -0.7, -2.1 }, { -0.4, 0.9, 0.1, 1.3 } };

    // The first draft treats the row's mean and variance as constants; the derivation in full does not.
    var draft = new LayerNormalization<double>(features: 4, seed: 1, LayerNormalizationBackward.StatisticsAsConstants);
    GradientCheckReport wrong = Layer.Of(x, draft.Forward, draft.Backward).WithParameters(draft.Parameters, () => draft.Gradients).Check();
    var fixedLayer = new LayerNormalization<double>(features: 4, seed: 1);
    GradientCheckReport right = Layer.Of(x, fixedLayer.Forward, fixedLayer.Backward).WithParameters(fixedLayer.Parameters, () => fixedLayer.Gradients).Check();
    return [(wrong, false, "the first draft (mean and variance as constants)"), (right, true, "the full derivation")];
});

walkthrough.Step("Tanh network [12288, 5, 5, 1] on one synthetic 64x64x3 image: every one of its 61,481 parameters, on every core", () =>
{
    var net = new DenseNetwork<double>([12288, 5, 5, 1], Activation.Tanh, seed: 2);
    (double[,] x, double[,] y) = SeedData.SyntheticCatImage<double>(seed: 2);

    // Each worker perturbs its own copy of the network; the checker gives the copies the network's values.
    GradientCheckTarget<double> target = GradientCheckTarget<double>.Named(() => net.Cost(x, y), net.Parameters).WithWorkerModels(() =>
    {
        var copy = new DenseNetwork<double>([12288, 5, 5, 1], Activation.Tanh, seed: 2);
        return WorkerModel.Of(() => copy.Cost(x, y), copy.Parameters);
    });
    Stopwatch clock = Stopwatch.StartNew();
    GradientCheckReport report = target.Check(net.Backward(x, y), new GradientCheckOptions { Workers = Environment.ProcessorCount });
    Console.WriteLine($"    {report.CostEvaluations:N0} cost evaluations in {clock.Elapsed.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores");
    return [(report, true, "the correct backprop")];
});

walkthrough.Step("The same network with the seeds' two bugs (dW2 doubled, db1 times 4), checked fast: one random direction per tensor", () =>
{
    var net = new DenseNetwork<double>([12288, 5, 5, 1], Activation.Tanh, seed: 2);
    (double[,] x, double[,] y) = SeedData.SyntheticCatImage<double>(seed: 2);
    Dictionary<string, double[,]> planted = net.Backward(x, y);
    Scale(planted["dW2"], 2.0);
    Scale(planted["db1"], 4.0);
    var options = new GradientCheckOptions { Coverage = CheckCoverage.RandomDirections(), Method = DifferenceMethod.CentralTwoPoint };
    GradientCheckReport report = GradientChecker.Check(() => net.Cost(x, y), net.Parameters, planted, options);
    int entries = planted.Values.Sum(gradient => gradient.Length);
    Console.WriteLine($"    {report.CostEvaluations:N0} cost evaluations, where a full check with this rule makes 2 per entry: {2 * entries:N0} for {entries:N0} entries");
    return [(report, false, "dW2 doubled and db1 times 4")];
});

return walkthrough.Finish();

static void Scale<T>(T[,] matrix, T factor)
    where T : System.Numerics.IFloatingPointIeee754<T>
{
    for (int i = 0; i < matrix.GetLength(0); i++)
    {
        for (int j = 0; j < matrix.GetLength(1); j++)
        {
            matrix[i, j] *= factor;
        }
    }
}
