namespace GradCheck;

/// <summary>
/// Describes a layer for a layer check: its input, its forward pass and its backward pass. Give the
/// input first, so that the compiler can tell the types of the method groups that follow:
/// <code>
/// GradientCheckReport report = Layer.Of(x, layer.Forward, layer.Backward)
///     .WithParameters(layer.Parameters, () =&gt; layer.Gradients)
///     .Check();
/// </code>
/// </summary>
public static class Layer
{
    /// <summary>The name the input is reported under, as in <c>x[2,1]</c>.</summary>
    internal const string InputName = "x";

    /// <summary>A layer y = f(x; parameters) with its backward pass dy ↦ dx.</summary>
    /// <param name="input">x, the point at which to check; never modified (the layer is given a copy).</param>
    /// <param name="forward">y = f(x); it reads the layer's parameters on every call.</param>
    /// <param name="backward">
    /// dx = backward(dy) after a forward pass at x; it also leaves the parameters' gradients where
    /// <see cref="LayerUnderTest{TInput, TOutput}.WithParameters"/> reads them.
    /// </param>
    /// <typeparam name="TInput">x's container: <c>T[]</c>, <c>T[,]</c> (any rank), <c>Tensor&lt;T&gt;</c> or <c>Memory&lt;T&gt;</c>.</typeparam>
    /// <typeparam name="TOutput">y's container, one of the same kinds with the same T.</typeparam>
    public static LayerUnderTest<TInput, TOutput> Of<TInput, TOutput>(TInput input, Func<TInput, TOutput> forward, Func<TOutput, TInput> backward)
        where TInput : notnull
        where TOutput : notnull
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        return new LayerUnderTest<TInput, TOutput>(input, forward, backward);
    }
}
