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
            Assert.That(message, Does.StartWith("  Expected: a backward pass that is the gradient of the forward pass, each entry |a - n| <="));
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
    public void Applied_to_something_that_is_not_a_layer_it_says_how_to_make_one()
    {
        Assert.That(() => Has.CorrectBackward.ApplyTo(X), Throws.ArgumentException.With.Message.Contains("Layer.Of(x, layer.Forward, layer.Backward)"));
    }
}
