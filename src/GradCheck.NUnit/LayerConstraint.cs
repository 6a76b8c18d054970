using GradCheck.Reporting;

namespace GradCheck.NUnit;

/// <summary>
/// Succeeds when a layer's backward pass is the gradient of its forward pass: the input gradient and
/// every parameter gradient it gives for a seeded random upstream gradient dy are the gradient of
/// J = &lt;dy, f(x)&gt;. The actual value is a <see cref="LayerUnderTest{TInput, TOutput}"/>, made with
/// <see cref="Layer.Of{TInput, TOutput}"/>.
/// </summary>
public sealed class LayerConstraint : GradientCoverageConstraint<LayerConstraint>
{
    /// <summary>A layer constraint with the default options; <c>Has.CorrectBackward</c> makes one.</summary>
    public LayerConstraint()
        : base("a layer constraint")
    {
    }

    /// <inheritdoc />
    private protected override string Expected => "a backward pass that is the gradient of the forward pass";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The actual value is not a layer made with <see cref="Layer.Of{TInput, TOutput}"/>.</exception>
    private protected override Func<GradientCheckOptions, GradientCheckReport> CheckOf(object? actual) =>
        actual is ILayerUnderTest layer
            ? layer.Check
            : throw new ArgumentException(
                $"Has.CorrectBackward applies to a layer made with Layer.Of(x, layer.Forward, layer.Backward), not to {(actual is null ? "null" : "a " + actual.GetType().Name)}.",
                nameof(actual));
}
