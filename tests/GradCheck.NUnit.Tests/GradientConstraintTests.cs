using GradCheck.Examples.Models;
using GradCheck.Reporting;

namespace GradCheck.NUnit.Tests;

/// <summary>The constraint's modifiers, its description and its failure message.</summary>
public class GradientConstraintTests
{
    [Test]
    public void Within_may_appear_only_once()
    {
        GradientConstraint<double> constraint = Is.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta).Within(1e-7);

        Assert.That(() => constraint.Within(1e-6), Throws.InvalidOperationException.With.Message.Contains("only once"));
        Assert.That(() => constraint.Within(1e-6, 1e-6), Throws.InvalidOperationException);
    }

    [Test]
    public void Within_rejects_a_negative_tolerance()
    {
        Assert.That(
            () => Is.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta).Within(-1e-7),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Description_refers_to_the_rule_the_report_under_it_states()
    {
        GradientConstraint<double> byDefault = Is.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta);
        GradientConstraint<double> within = Is.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta).Within(1e-7, 1e-5);
        double[] offByOnePercent = [.. Problems.Gradient(Problems.Theta).Select(value => value * 1.01)];

        (bool passed, string message) = ConstraintMessages.Apply(within, offByOnePercent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byDefault.Description, Is.EqualTo("gradient of the cost with respect to theta (4), each entry within the rule below"));
            Assert.That(within.Description, Is.EqualTo("gradient of the cost with respect to theta (4), each entry within the rule below"));
            Assert.That(passed, Is.False);
            Assert.That(message, Does.Contain(Environment.NewLine + "Rule: |a - n| <= 1e-07 + 1e-05 * max(|a|, |n|); NaN or infinity fails; a = analytic (backprop), n = numerical" + Environment.NewLine));
        }
    }

    [Test]
    public void After_an_operator_the_description_states_the_rule_itself()
    {
        // Is.Not prints its operand's actual value, not the report: the rule must be on the Expected line.
        GradientConstraint<double> byDefault = Is.Not.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta);
        GradientConstraint<double> within = Is.Not.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta).Within(1e-7, 1e-5);

        (bool passed, string message) = ConstraintMessages.Apply(within, Problems.Gradient(Problems.Theta));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byDefault.Description, Does.Contain("theta (4)").And.EndWith("each entry |a - n| <= 2 e(n) + 128 ε (max(|a|, |n|) + max|n| in the tensor), e(n) the estimated error of n"));
            Assert.That(within.Description, Does.EndWith("each entry |a - n| <= 1e-07 + 1e-05 * max(|a|, |n|)").And.Not.Contain("e(n)"));
            Assert.That(passed, Is.False);
            Assert.That(message, Does.StartWith("  Expected: not gradient of the cost with respect to theta (4), each entry |a - n| <= 1e-07 + 1e-05 * max(|a|, |n|)" + Environment.NewLine));
        }
    }

    [Test]
    public void WithOptions_keeps_a_Within_given_before_it()
    {
        double[] offByOnePercent = [.. Problems.Gradient(Problems.Theta).Select(value => value * 1.01)];
        GradientConstraint<double> constraint = Is.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta)
            .Within(0.1)
            .WithOptions(new GradientCheckOptions { WorstEntriesShown = 2 });

        // 1% off is within a 0.1 rule: the options must not have replaced it with the default.
        Assert.That(offByOnePercent, constraint);
    }

    [Test]
    public void Failure_message_has_NUnits_layout_and_then_the_whole_report()
    {
        double[] wrong = Problems.Gradient(Problems.Theta);
        wrong[2] *= 2;

        var constraint = Is.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta);
        (bool passed, string message) = ConstraintMessages.Apply(constraint, wrong);
        GradientCheckReport report = GradientChecker.Check(Problems.Cost, Problems.Theta, wrong);

        Assert.That(passed, Is.False);
        Assert.That(message, Does.StartWith("  Expected: gradient of the cost with respect to theta (4)"));
        Assert.That(message, Does.Contain("  But was:  1 of 1 tensors outside tolerance: theta (1 of 4 entries)"));
        Assert.That(message, Does.Contain(report.ToString()));
        Assert.That(message.TrimEnd(), Does.Match(@"\nPictures: .*\.html \(a heatmap and a scatter plot per tensor; attached to the test\)$"), "the picture's line closes the message");
        Assert.That(message, Does.Contain("theta[2]"));
    }

    [Test]
    public void Mismatched_gradient_names_are_an_error_that_lists_them()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> gradients = net.Backward(x, y);
        gradients.Remove("db3");
        gradients["dW4"] = new double[1, 1];

        Assert.That(
            () => Assert.That(gradients, Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters)),
            Throws.ArgumentException.With.Message.Contains("no gradient for parameter 'b3'").And.Message.Contains("gradient 'dW4' matches no parameter")
                .And.Message.Contains("Parameters: W1, b1, W2, b2, W3, b3."));
    }

    [Test]
    public void A_gradient_of_the_wrong_shape_is_an_error_naming_both_shapes()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> gradients = net.Backward(x, y);
        gradients["dW1"] = new double[5, 5];

        Assert.That(
            () => Assert.That(gradients, Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters)),
            Throws.ArgumentException.With.Message.Contains("gradient 'dW1' has shape (5, 5) but parameter 'W1' has shape (5, 4)"));
    }

    [Test]
    public void A_flat_gradient_of_another_element_type_or_container_is_an_error_naming_the_gradient()
    {
        float[] single = [.. Problems.Gradient(Problems.Theta).Select(value => (float)value)];
        List<double> list = [.. Problems.Gradient(Problems.Theta)];
        double[,] matrix = new double[2, 2];

        Assert.That(
            () => Assert.That(single, Is.GradientOf(Problems.Cost).At(Problems.Theta)),
            Throws.ArgumentException.With.Message.StartsWith("The gradient is a float[], which this check over double cannot read."));
        Assert.That(
            () => Assert.That(list, Is.GradientOf(Problems.Cost).At(Problems.Theta)),
            Throws.ArgumentException.With.Message.StartsWith("The gradient is a List<double>, which this check over double cannot read."));
        Assert.That(
            () => Assert.That(matrix, Is.GradientOf(Problems.Cost).At(Problems.Theta)),
            Throws.ArgumentException.With.Message.StartsWith("The gradient has shape (2, 2) but theta, the point it is the gradient at, has shape (4)"));
    }

    [Test]
    public void WithBatchSize_names_a_factor_of_the_batch_size_in_every_tensor()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> tripled = net.Backward(x, y);
        foreach (double[,] gradient in tripled.Values)
        {
            for (int i = 0; i < gradient.GetLength(0); i++)
            {
                for (int j = 0; j < gradient.GetLength(1); j++)
                {
                    gradient[i, j] *= 3;
                }
            }
        }

        (bool passed, string message) = ConstraintMessages.Apply(Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters).WithBatchSize(3), tripled);
        (_, string unnamed) = ConstraintMessages.Apply(Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters), tripled);

        Assert.That(passed, Is.False);
        Assert.That(message, Does.Contain("every entry is 3.000x the numerical gradient: m, the batch size (3): is the 1/m of a mean left out?"));
        Assert.That(unnamed, Does.Contain("shared by every tensor, as a batch size m = 3 would be (is the 1/m of a mean left out?); .WithBatchSize(3)"));
    }

    [Test]
    public void Bad_input_has_a_stack_trace_that_starts_at_the_test_with_no_frame_of_the_library()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[,]> gradients = net.Backward(x, y);
        gradients["dW1"] = new double[5, 5];
        var inputErrors = new Action[]
        {
            () => Assert.That(gradients, Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters)),
            () => Assert.That(new double[3], Is.GradientOf(Problems.Cost).At(Problems.Theta)),
            () => Assert.That(new float[4], Is.GradientOf(Problems.Cost).At(Problems.Theta)),
            () => Assert.That(gradients, Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(new Dictionary<string, double[,]>())),
        };

        foreach (Action inputError in inputErrors)
        {
            ArgumentException? error = null;
            try
            {
                inputError();
            }
            catch (ArgumentException thrown)
            {
                error = thrown;
            }

            Assert.That(error, Is.Not.Null, "an ArgumentException");
            string[] frames = [.. error!.StackTrace!.Split('\n').Where(line => line.Contains("GradCheck.", StringComparison.Ordinal))];
            Assert.That(frames, Is.Not.Empty.And.All.Contains("GradCheck.NUnit.Tests."), error.StackTrace);
        }
    }

    [Test]
    public void A_flat_gradient_of_another_length_is_an_error_naming_the_gradient_and_theta()
    {
        double[] tooShort = [1.0, 2.0, 3.0];

        Assert.That(
            () => Assert.That(tooShort, Is.GradientOf((double[] t) => Problems.Cost(t)).At(Problems.Theta)),
            Throws.ArgumentException.With.Message.Contains("The gradient has shape (3) but theta, the point it is the gradient at, has shape (4)"));
    }

    [Test]
    public void An_empty_parameter_dictionary_is_an_error()
    {
        var gradients = new Dictionary<string, double[]> { ["dW"] = [1.0] };

        Assert.That(
            () => Assert.That(gradients, Is.GradientOf(() => 0.0).WithRespectTo(new Dictionary<string, double[]>())),
            Throws.ArgumentException.With.Message.Contains("There are no parameters to check: the parameter dictionary is empty"));
    }

    [Test]
    public void An_actual_value_that_is_not_a_dictionary_is_an_error()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();

        Assert.That(
            () => Assert.That(new double[3], Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters)),
            Throws.ArgumentException.With.Message.Contains("must be a dictionary from name to tensor"));
    }

    [Test]
    public void Gradients_in_any_read_only_dictionary_of_the_users_own_type_are_checked_as_the_engine_checks_them()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Tanh, seed: 1);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        var right = new GradientStore(net.Backward(x, y));
        var wrong = new GradientStore(net.Backward(x, y));
        Problems.Scale(wrong.Inner["dW2"], 2.0);

        Assert.That(right, Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters));
        Assert.That(wrong, Is.Not.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters));
        Assert.That(GradientChecker.Check(() => net.Cost(x, y), net.Parameters, right).Passed, Is.True, "the engine, for comparison");
    }

    [Test]
    public void Parameters_are_bitwise_unchanged_after_a_failing_assertion()
    {
        var net = new DenseNetwork<double>([4, 5, 3, 1], Activation.Relu, seed: 1);
        (double[,] x, double[,] y) = SeedData.ThreeLayerSmall<double>();
        Dictionary<string, double[]> before = net.Parameters.ToDictionary(pair => pair.Key, pair => pair.Value.Cast<double>().ToArray());
        Dictionary<string, double[,]> wrong = net.Backward(x, y);
        Problems.Scale(wrong["dW1"], -1.0);

        (bool passed, _) = ConstraintMessages.Apply(Is.GradientOf(() => net.Cost(x, y)).WithRespectTo(net.Parameters), wrong);

        Assert.That(passed, Is.False);
        foreach ((string name, double[,] values) in net.Parameters)
        {
            long[] bits = [.. values.Cast<double>().Select(BitConverter.DoubleToInt64Bits)];
            Assert.That(bits, Is.EqualTo(before[name].Select(BitConverter.DoubleToInt64Bits)), name);
        }
    }
}

/// <summary>A user's own gradient container: an <see cref="IReadOnlyDictionary{TKey, TValue}"/> that is no <see cref="System.Collections.IDictionary"/>.</summary>
internal sealed class GradientStore(Dictionary<string, double[,]> inner) : IReadOnlyDictionary<string, double[,]>
{
    public Dictionary<string, double[,]> Inner => inner;

    public int Count => inner.Count;

    public IEnumerable<string> Keys => inner.Keys;

    public IEnumerable<double[,]> Values => inner.Values;

    public double[,] this[string key] => inner[key];

    public bool ContainsKey(string key) => inner.ContainsKey(key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out double[,] value) => inner.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, double[,]>> GetEnumerator() => inner.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
