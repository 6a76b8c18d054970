using GradCheck.Layers;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Layers;

public class LayerUnderTestTests
{
    private static readonly double[,] X = { { 0.3, -1.1, 0.8 }, { 1.4, 0.2, -0.6 }, { -0.5, 0.7, 0.9 }, { 0.1, -0.3, -1.2 } };

    [Test]
    public void A_correct_layer_passes_for_its_input_and_every_parameter()
    {
        var layer = new DenseTanhLayer<double>(3, 2);

        GradientCheckReport report = Layer.Of(X, layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).Check();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True, report.ToString());
            Assert.That(report.Tensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "x", "W", "b" }));
        }
    }

    [Test]
    public void A_correct_float_layer_passes_with_the_default_tolerance()
    {
        var layer = new DenseTanhLayer<float>(3, 2);
        float[,] x = ToFloat(X);

        GradientCheckReport report = Layer.Of(x, layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).Check();

        Assert.That(report.Passed, Is.True, report.ToString());
    }

    [TestCase(DenseTanhLayer<double>.Bug.InputGradientScaled, new[] { "x" })]
    [TestCase(DenseTanhLayer<double>.Bug.BiasGradientFromFirstExample, new[] { "b" })]
    [TestCase(DenseTanhLayer<double>.Bug.ActivationDerivativeMissing, new[] { "x", "W", "b" })]
    public void A_planted_bug_fails_exactly_the_tensors_it_touches(DenseTanhLayer<double>.Bug bug, string[] failing)
    {
        var layer = new DenseTanhLayer<double>(3, 2) { Mistake = bug };

        GradientCheckReport report = Layer.Of(X, layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).Check();

        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(failing), report.ToString());
    }

    [Test]
    public void A_one_percent_input_gradient_error_fails_in_float_too()
    {
        var layer = new DenseTanhLayer<float>(3, 2) { Mistake = DenseTanhLayer<float>.Bug.InputGradientScaled };

        GradientCheckReport report = Layer.Of(ToFloat(X), layer.Forward, layer.Backward).Check();

        Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "x" }), report.ToString());
    }

    [Test]
    public void The_report_says_how_dy_was_drawn_and_a_seed_reproduces_it()
    {
        var layer = new DenseTanhLayer<double>(3, 2) { Mistake = DenseTanhLayer<double>.Bug.InputGradientScaled };
        LayerUnderTest<double[,], double[,]> check = Layer.Of(X, layer.Forward, layer.Backward).WithSeed(7);

        string first = check.Check().ToString();
        string again = check.Check().ToString();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Does.Contain("Layer check: J = <dy, f(x)> with dy drawn from N(0, 1) with seed 7, 8 entries"));
            Assert.That(again, Is.EqualTo(first));
        }
    }

    [Test]
    public void Leaves_the_input_and_the_parameters_bitwise_as_they_were()
    {
        var layer = new DenseTanhLayer<double>(3, 2);
        double[,] x = (double[,])X.Clone();
        ulong[] inputBits = Bits.Of(x);
        Dictionary<string, ulong[]> parameterBits = Bits.Of(layer.Parameters);

        Layer.Of(x, layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).Check();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Bits.Of(x), Is.EqualTo(inputBits));
            Assert.That(Bits.Of(layer.Parameters), Is.EqualTo(parameterBits));
        }
    }

    [Test]
    public void Works_with_vectors_and_tensors()
    {
        double[] w = [0.5, -1.5, 2.0];
        double[] x = [0.2, 0.7, -0.4];
        GradientCheckReport vectors = Layer.Of(x, (double[] v) => v.Select((value, i) => w[i] * value * value).ToArray(), dy => [.. dy.Select((value, i) => 2 * w[i] * x[i] * value)]).Check();

        var tensor = System.Numerics.Tensors.Tensor.Create(new double[] { 0.2, 0.7, -0.4, 1.1 }, [2, 2]);
        GradientCheckReport tensors = Layer.Of(
            tensor,
            t => System.Numerics.Tensors.Tensor.Multiply<double>(t, t),
            dy => System.Numerics.Tensors.Tensor.Multiply<double>(System.Numerics.Tensors.Tensor.Multiply<double>(dy, tensor), 2.0)).Check();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(vectors.Passed, Is.True, vectors.ToString());
            Assert.That(tensors.Passed, Is.True, tensors.ToString());
        }
    }

    [Test]
    public void A_parameter_named_like_the_input_is_refused()
    {
        var layer = new DenseTanhLayer<double>(3, 2);
        var parameters = new Dictionary<string, Array> { ["x"] = layer.Parameters["W"] };

        Assert.That(
            () => Layer.Of(X, layer.Forward, layer.Backward).WithParameters(parameters, () => layer.Gradients),
            Throws.ArgumentException.With.Message.Contains("named 'x'"));
    }

    [Test]
    public void An_output_whose_shape_changes_with_its_input_is_reported_where_it_changed()
    {
        double[] x = [0.2, 0.7, -0.4];
        LayerUnderTest<double[], double[]> layer = Layer.Of(x, (double[] v) => v[0] > 0.2 ? new[] { v[0], v[1] } : new[] { v[0] }, (double[] dy) => new double[3]);

        Assert.That(() => layer.Check(), Throws.TypeOf<CostEvaluationException>()
            .With.Message.Contains("at x[0] + h").And.Message.Contains("its output's shape must not depend on the values"));
    }

    [Test]
    public void A_forward_pass_that_throws_is_reported_as_such()
    {
        double[] x = [0.2, 0.7];
        LayerUnderTest<double[], double[]> layer = Layer.Of<double[], double[]>(x, v => throw new InvalidOperationException("weights not loaded"), dy => dy);

        Assert.That(() => layer.Check(), Throws.TypeOf<CostEvaluationException>().With.Message.EqualTo("The forward pass threw InvalidOperationException at the given input: weights not loaded"));
    }

    [Test]
    public void A_backward_pass_that_throws_is_named_as_the_backward_pass_not_the_cost()
    {
        double[] x = [0.2, 0.7];
        LayerUnderTest<double[], double[]> layer = Layer.Of<double[], double[]>(x, v => [.. v], dy => throw new NotImplementedException("written after its test"));

        Assert.That(() => layer.Check(), Throws.TypeOf<CostEvaluationException>()
            .With.Message.EqualTo("The backward pass threw NotImplementedException: written after its test")
            .And.InnerException.TypeOf<NotImplementedException>());
    }

    [Test]
    public void As_a_problem_a_layer_has_x_and_each_parameter_as_tensors_and_checks_each_alone()
    {
        var layer = new DenseTanhLayer<double>(3, 2) { Mistake = DenseTanhLayer<double>.Bug.BiasGradientFromFirstExample };
        double[,] x = (double[,])X.Clone();

        GradientProblem<double> problem = Layer.Of(x, layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).AsProblem<double>("Dense");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem.Name, Is.EqualTo("Dense"));
            Assert.That(problem.TensorNames, Is.EqualTo(new[] { "x", "W", "b" }));
            Assert.That(problem.Check("x").Passed, Is.True);
            Assert.That(problem.Check("W").Passed, Is.True);
            GradientCheckReport bias = problem.Check("b");
            Assert.That(bias.Passed, Is.False);
            Assert.That(bias.Tensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "b" }));
            Assert.That(bias.ToString(), Does.Contain("Layer check: J = <dy, f(x)> with dy drawn from N(0, 1) with seed 1, 8 entries"));
            Assert.That(x, Is.EqualTo(X), "the user's x is never modified");
        }
    }

    [Test]
    public void As_a_problem_a_layer_gives_the_same_report_as_its_own_check()
    {
        var layer = new DenseTanhLayer<double>(3, 2) { Mistake = DenseTanhLayer<double>.Bug.ActivationDerivativeMissing };
        LayerUnderTest<double[,], double[,]> underTest = Layer.Of(X, layer.Forward, layer.Backward).WithParameters(layer.Parameters, () => layer.Gradients).WithSeed(4);

        Assert.That(underTest.AsProblem<double>("Dense").Check().ToString(), Is.EqualTo(underTest.Check().ToString()));
    }

    [Test]
    public void As_a_problem_of_another_element_type_it_says_which_to_ask_for()
    {
        LayerUnderTest<double[,], double[,]> layer = Layer.Of(X, x => x, dy => dy);

        Assert.That(() => layer.AsProblem<float>("Identity"), Throws.ArgumentException.With.Message.Contains("The layer's input holds double, not float: ask for AsProblem<double>."));
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
