using System.Numerics.Tensors;
using GradCheck.Reporting;
using GradCheck.Tests.Support;

namespace GradCheck.Tests;

public class GradientCheckTargetTests
{
    private static double SumOfSquares(double[] theta) => theta.Sum(x => x * x);

    [Test]
    public void Describes_a_flat_target_by_its_length()
    {
        Assert.That(GradientCheckTarget<double>.Flat(SumOfSquares, new double[5]).Description, Is.EqualTo("theta (5)"));
    }

    [Test]
    public void Describes_a_named_target_by_its_names_and_shapes()
    {
        var parameters = new Dictionary<string, Array> { ["W1"] = new float[5, 4], ["b1"] = new float[5] };
        Assert.That(GradientCheckTarget<float>.Named(() => 0f, parameters).Description, Is.EqualTo("W1 (5, 4), b1 (5)"));
    }

    [Test]
    public void Calls_the_flat_cost_on_a_copy_of_theta()
    {
        double[] theta = [1, 2];
        var seen = new HashSet<double[]>(ReferenceEqualityComparer.Instance);
        GradientCheckTarget<double>.Flat(
            v =>
            {
                seen.Add(v);
                return SumOfSquares(v);
            },
            theta).Check(new double[] { 2, 4 });

        Assert.That(seen, Has.Count.EqualTo(1).And.No.SameAs(theta));
    }

    [Test]
    public void Checks_a_flat_target_at_the_current_theta_each_time()
    {
        double[] theta = [1, 2];
        GradientCheckTarget<double> target = GradientCheckTarget<double>.Flat(SumOfSquares, theta);
        GradientCheckReport first = target.Check(new double[] { 2, 4 });
        theta[0] = 3;
        GradientCheckReport second = target.Check(new double[] { 6, 4 });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Passed, Is.True, first.ToString);
            Assert.That(second.Passed, Is.True, second.ToString);
        }
    }

    [Test]
    public void Accepts_a_flat_gradient_as_memory_read_only_memory_or_a_tensor()
    {
        double[] theta = [1, -2, 0.5];
        double[] gradient = [2, -4, 1];
        GradientCheckTarget<double> target = GradientCheckTarget<double>.Flat(SumOfSquares, theta);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(target.Check(gradient.AsMemory()).Passed, Is.True);
            Assert.That(target.Check(new ReadOnlyMemory<double>(gradient)).Passed, Is.True);
            Assert.That(target.Check(Tensor.Create<double>(gradient, [3])).Passed, Is.True);
        }
    }

    [Test]
    public void Checks_parameters_held_in_dense_tensors_and_restores_them()
    {
        double[] wData = [0.5, -1, 1.5, -0.0, 0.1, 2];
        double[] bData = [0.3, -0.6];
        Tensor<double> w = Tensor.Create<double>(wData, [2, 3]);
        Tensor<double> b = Tensor.Create<double>(bData, [2]);
        ulong[] before = Bits.Of(wData);

        // J = ½ Σ w² + Σ b: the gradient is w itself and ones.
        double Cost() => (0.5 * TensorPrimitives.SumOfSquares<double>(wData)) + TensorPrimitives.Sum<double>(bData);
        var gradient = new Dictionary<string, object>
        {
            ["dW"] = Tensor.Create<double>([.. wData], [2, 3]),
            ["db"] = new double[] { 1, 1 },
        };

        GradientCheckReport report = GradientCheckTarget<double>.Named(Cost, new Dictionary<string, Tensor<double>> { ["W"] = w, ["b"] = b }).Check(gradient);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True, report.ToString);
            Assert.That(report.Tensors[0].Shape, Is.EqualTo(new[] { 2, 3 }));
            Assert.That(Bits.Of(wData), Is.EqualTo(before));
        }
    }

    [Test]
    public void Checks_a_parameter_held_in_a_memory_slice_without_touching_the_rest_of_the_buffer()
    {
        // The parameter is entries 2..4 of a buffer; the cost reads the whole buffer.
        float[] buffer = [9, 9, 0.5f, -1.5f, 0.1f, 9];
        ulong[] before = Bits.Of(buffer);
        var touchedOutside = new List<int>();
        float Cost()
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                if ((i < 2 || i > 4) && buffer[i] != 9)
                {
                    touchedOutside.Add(i);
                }
            }

            return (buffer[2] * buffer[2]) + (buffer[3] * buffer[3]) + (buffer[4] * buffer[4]);
        }

        var parameters = new Dictionary<string, Memory<float>> { ["v"] = buffer.AsMemory(2, 3) };
        GradientCheckReport report = GradientCheckTarget<float>.Named(Cost, parameters).Check(new Dictionary<string, float[]> { ["dv"] = [1f, -3f, 0.2f] });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True, report.ToString);
            Assert.That(report.CostEvaluations, Is.EqualTo(3 + (4 * 3)), "J(x) twice, x ± h and x ± 2h per entry (a quadratic needs no more), J(x) once more");
            Assert.That(touchedOutside, Is.Empty);
            Assert.That(Bits.Of(buffer), Is.EqualTo(before));
        }
    }

    [Test]
    public void Checks_one_named_target_against_several_gradients()
    {
        var model = new LinearModel<double>(8);
        GradientCheckTarget<double> target = GradientCheckTarget<double>.Named(model.Cost, model.Parameters);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(target.Check(model.Gradient()).Passed, Is.True);
            Assert.That(target.Check(model.Gradient(dropOneOverM: true)).Passed, Is.False);
            Assert.That(target.Check(model.Gradient()).Passed, Is.True);
        }
    }

    [Test]
    public void Refuses_named_gradients_that_are_not_a_dictionary_naming_the_type()
    {
        var model = new LinearModel<double>(8);
        GradientCheckTarget<double> target = GradientCheckTarget<double>.Named(model.Cost, model.Parameters);
        var exception = Assert.Throws<ArgumentException>(() => target.Check(new double[8]));
        Assert.That(exception.Message, Does.Contain("dictionary").And.Contain("double[]"));
    }

    [Test]
    public void Refuses_a_float_gradient_in_a_double_check_naming_the_tensor_and_the_type()
    {
        var model = new LinearModel<double>(8);
        var gradient = new Dictionary<string, object> { ["dW"] = new float[2, 3], ["db"] = new double[2] };
        var exception = Assert.Throws<ArgumentException>(() => GradientCheckTarget<double>.Named(model.Cost, model.Parameters).Check(gradient));
        Assert.That(exception.Message, Does.Contain("'dW'").And.Contain("float[,]"));
    }

    [Test]
    public void Refuses_a_parameter_held_in_read_only_memory()
    {
        var parameters = new Dictionary<string, ReadOnlyMemory<double>> { ["v"] = new double[2] };
        var exception = Assert.Throws<ArgumentException>(() => GradientCheckTarget<double>.Named(() => 0.0, parameters));
        Assert.That(exception.Message, Does.Contain("'v'"));
    }

    [TestCase(GradientMismatch.OtherShape, "gradient 'dW' has shape (3, 3) but parameter 'W' has shape (2, 3)")]
    [TestCase(GradientMismatch.MissingName, "no gradient for parameter 'b' (looked for 'b' and 'db')")]
    [TestCase(GradientMismatch.ExtraName, "gradient 'dV' matches no parameter")]
    public void Refuses_gradients_that_do_not_match_naming_the_problem_and_the_parameters(GradientMismatch mismatch, string problem)
    {
        var model = new LinearModel<double>(1);
        GradientCheckTarget<double> target = GradientCheckTarget<double>.Named(model.Cost, model.Parameters);
        Dictionary<string, Array> gradients = model.Gradient(mismatch);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(() => target.Check(gradients), Throws.ArgumentException.With.Message.Contains(problem).And.Message.Contains(GradientMismatches.ExpectedNames), "as a typed dictionary");
            Assert.That(() => target.CheckGradients(target.ActualGradients(gradients), GradientCheckOptions.Default), Throws.ArgumentException.With.Message.Contains(problem).And.Message.Contains(GradientMismatches.ExpectedNames), "as an assertion's actual value");
        }
    }

    [Test]
    public void Refuses_an_empty_parameter_dictionary_before_any_check()
    {
        Assert.That(
            () => GradientCheckTarget<double>.Named(() => 0.0, new Dictionary<string, double[]>()),
            Throws.ArgumentException.With.Message.EqualTo("There are no parameters to check: the parameter dictionary is empty. (Parameter 'parameters')"));
    }

    [Test]
    public void Refuses_parameters_none_of_which_has_an_entry_naming_them()
    {
        var parameters = new Dictionary<string, double[,]> { ["W"] = new double[0, 3], ["b"] = new double[2, 0] };
        Assert.That(
            () => GradientCheckTarget<double>.Named(() => 0.0, parameters),
            Throws.ArgumentException.With.Message.EqualTo("There are no parameters to check: W (0, 3), b (2, 0) have no entries. (Parameter 'parameters')"));
    }

    [Test]
    public void Refuses_null_arguments()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.Throws<ArgumentNullException>(() => GradientCheckTarget<double>.Flat(null!, [1.0]));
            Assert.Throws<ArgumentNullException>(() => GradientCheckTarget<double>.Flat(SumOfSquares, null!));
            Assert.Throws<ArgumentNullException>(() => GradientCheckTarget<double>.Named(null!, new Dictionary<string, double[]>()));
            Assert.Throws<ArgumentNullException>(() => GradientCheckTarget<double>.Flat(SumOfSquares, [1.0]).Check(null!));
        }
    }
}
