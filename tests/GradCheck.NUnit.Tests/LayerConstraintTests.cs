using GradCheck.Examples.Models;

namespace GradCheck.NUnit.Tests;

public class LayerConstraintTests
{
    private static readonly double[,] X = { { 0.5, -1.2, 2.0 }, { 1.5, 0.2, -0.7 } };

    [Test]
    public void A_correct_layer_has_a_correct_backward_pass()
    {
        var norm = new LayerNormalization<double>(features: 3, seed: 2);

        Assert.That(Layer.Of(X, norm.Forward, norm.Backward).WithParameters(norm.Parameters, () => norm.Gradients), Has.CorrectBackward);
    }

    [Test]
    public void A_layer_with_a_planted_bug_does_not_and_the_message_names_the_input()
    {
        var draft = new LayerNormalization<double>(features: 3, seed: 2, LayerNormalizationBackward.StatisticsAsConstants);
        LayerUnderTest<double[,], double[,]> layer = Layer.Of(X, draft.Forward, draft.Backward).WithParameters(draft.Parameters, () => draft.Gradients);

        (bool passed, string message) = ConstraintMessages.Apply(Has.CorrectBackward, layer);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(passed, Is.False);
            Assert.That(message, Does.StartWith("  Expected: a backward pass that is the gradient of the forward pass, each entry within the rule below" + Environment.NewLine));
            Assert.That(message, Does.Contain("But was:  1 of 3 tensors outside tolerance: x (6 of 6 entries)"));
            Assert.That(message, Does.Contain("x[0,0]"));
            Assert.That(message, Does.Contain("Layer check: J = <dy, f(x)> with dy drawn from N(0, 1) with seed 1"));
            Assert.That(message, Does.Contain("Within tolerance: gamma (3), beta (3)"));
            Assert.That(layer, Has.No.CorrectBackward);
        }
    }

    [Test]
    public void Within_sets_the_rule_and_may_appear_only_once()
    {
        var norm = new LayerNormalization<double>(features: 3, seed: 2);
        LayerUnderTest<double[,], double[,]> layer = Layer.Of(X, norm.Forward, norm.Backward);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(layer, Has.CorrectBackward.Within(1e-8));
            Assert.That(() => Has.CorrectBackward.Within(1e-8).Within(1e-6), Throws.InvalidOperationException.With.Message.Contains("Within modifier may appear only once"));
        }
    }

    [Test]
    public void AlongRandomDirections_reads_as_for_a_gradient_passes_a_correct_layer_and_finds_the_wrong_tensor()
    {
        var norm = new LayerNormalization<double>(features: 3, seed: 2);
        var draft = new LayerNormalization<double>(features: 3, seed: 2, LayerNormalizationBackward.StatisticsAsConstants);
        LayerUnderTest<double[,], double[,]> wrong = Layer.Of(X, draft.Forward, draft.Backward).WithParameters(draft.Parameters, () => draft.Gradients);

        (bool passed, string message) = ConstraintMessages.Apply(Has.CorrectBackward.AlongRandomDirections(directionsPerTensor: 2, seed: 5), wrong);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Layer.Of(X, norm.Forward, norm.Backward).WithParameters(norm.Parameters, () => norm.Gradients), Has.CorrectBackward.AlongRandomDirections());
            Assert.That(passed, Is.False);
            Assert.That(message, Does.Contain("1 of 3 tensors outside tolerance (along 2 random directions per tensor;"));
            Assert.That(message, Does.Contain("Coverage = CheckCoverage.RandomDirections(2, 5, 8)"));
            Assert.That(wrong, Has.No.CorrectBackward.AlongRandomDirections());
        }
    }

    [Test]
    public void OnSampledEntries_checks_the_sample_of_x_and_of_each_parameter()
    {
        var draft = new LayerNormalization<double>(features: 3, seed: 2, LayerNormalizationBackward.StatisticsAsConstants);
        LayerUnderTest<double[,], double[,]> wrong = Layer.Of(X, draft.Forward, draft.Backward).WithParameters(draft.Parameters, () => draft.Gradients);

        (bool passed, string message) = ConstraintMessages.Apply(Has.CorrectBackward.OnSampledEntries(2, seed: 3), wrong);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(passed, Is.False);
            Assert.That(message, Does.Contain("Coverage = CheckCoverage.SampledEntries(2, 3)"));
            Assert.That(message, Does.Contain("1 of 3 tensors outside tolerance: x (2 of 2 checked entries (of 6))"));
        }
    }

    [Test]
    public void A_layer_as_a_problem_is_a_GradientCheck_source_with_one_case_per_tensor()
    {
        var norm = new LayerNormalization<double>(features: 3, seed: 2);
        GradientProblem<double> problem = Layer.Of(X, norm.Forward, norm.Backward).WithParameters(norm.Parameters, () => norm.Gradients).AsProblem<double>("Norm");

        Assert.That(problem.TensorNames, Is.EqualTo(new[] { "x", "gamma", "beta" }));
        foreach (string tensor in problem.TensorNames)
        {
            Assert.That(problem.Check(tensor).Passed, Is.True, tensor);
        }
    }

    [Test]
    public void Applied_to_something_that_is_not_a_layer_it_says_how_to_make_one()
    {
        Assert.That(() => Has.CorrectBackward.ApplyTo(X), Throws.ArgumentException.With.Message.Contains("Layer.Of(x, layer.Forward, layer.Backward)"));
    }
}
