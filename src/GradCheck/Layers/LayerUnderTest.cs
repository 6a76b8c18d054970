using System.Numerics;
using GradCheck.Parameters;
using GradCheck.Reporting;
using GradCheck.Layers;

namespace GradCheck;

/// <summary>
/// A layer ready to be checked: input, forward and backward passes, and optionally its parameters and
/// where their gradients are left. Immutable; each <c>With...</c> returns a new one.
/// </summary>
/// <remarks>
/// The check draws a seeded random upstream gradient dy of the output's shape, runs
/// <c>dx = backward(dy)</c> once after a forward pass at x, and then checks, with the gradient checker,
/// that dx and the parameters' gradients are the gradient of the scalar J = &lt;dy, f(x)&gt; with respect
/// to x and to every parameter. One scalar covers every output: a wrong term anywhere in the backward
/// pass changes J's gradient, almost surely for a random dy. Entries not checkable at x, where kinks of
/// the layer meet (two ReLU units switching at once), are re-checked after a forward and a backward
/// pass at a point nudged off the ties (<see cref="GradientCheckOptions.RecheckAtNudgedPoint"/>); x is
/// the check's own copy, and every parameter is restored bit for bit.
/// </remarks>
/// <typeparam name="TInput">x's container.</typeparam>
/// <typeparam name="TOutput">y's container.</typeparam>
public sealed class LayerUnderTest<TInput, TOutput> : ILayerUnderTest
    where TInput : notnull
    where TOutput : notnull
{
    /// <summary>The seed of the upstream gradient unless <see cref="WithSeed"/> says otherwise.</summary>
    public const int DefaultSeed = 1;

    private readonly Func<TInput, TOutput> forward;
    private readonly Func<TOutput, TInput> backward;
    private readonly IReadOnlyList<KeyValuePair<string, object?>> parameters;
    private readonly Func<IReadOnlyList<KeyValuePair<string, object?>>>? parameterGradients;

    internal LayerUnderTest(TInput input, Func<TInput, TOutput> forward, Func<TOutput, TInput> backward)
        : this(input, forward, backward, [], null, DefaultSeed)
    {
    }

    private LayerUnderTest(
        TInput input,
        Func<TInput, TOutput> forward,
        Func<TOutput, TInput> backward,
        IReadOnlyList<KeyValuePair<string, object?>> parameters,
        Func<IReadOnlyList<KeyValuePair<string, object?>>>? parameterGradients,
        int seed)
    {
        Input = input;
        this.forward = forward;
        this.backward = backward;
        this.parameters = parameters;
        this.parameterGradients = parameterGradients;
        Seed = seed;
    }

    /// <summary>x, the point at which the layer is checked.</summary>
    public TInput Input { get; }

    /// <inheritdoc />
    public int Seed { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> TensorNames => [Layer.InputName, .. parameters.Select(pair => pair.Key)];

    /// <summary>Also checks the gradients of the layer's parameters.</summary>
    /// <param name="layerParameters">Name to container, read by the forward pass in place (the layer's own dictionary).</param>
    /// <param name="gradients">
    /// Where the backward pass leaves the parameters' gradients, read after it has run: keyed by the
    /// parameter names or by <c>d</c> + name.
    /// </param>
    public LayerUnderTest<TInput, TOutput> WithParameters<TParameter, TGradient>(
        IEnumerable<KeyValuePair<string, TParameter>> layerParameters,
        Func<IReadOnlyDictionary<string, TGradient>> gradients)
    {
        ArgumentNullException.ThrowIfNull(layerParameters);
        ArgumentNullException.ThrowIfNull(gradients);
        KeyValuePair<string, object?>[] untyped = [.. layerParameters.Select(pair => new KeyValuePair<string, object?>(pair.Key, pair.Value))];
        if (untyped.Any(pair => pair.Key == Layer.InputName))
        {
            throw new ArgumentException($"A layer parameter is named '{Layer.InputName}', the name the layer check gives the input: rename the parameter.", nameof(layerParameters));
        }

        return new LayerUnderTest<TInput, TOutput>(Input, forward, backward, untyped, Gradients, Seed);

        // Read after each backward pass, wherever it has left them.
        KeyValuePair<string, object?>[] Gradients() =>
            [.. (gradients() ?? throw new ArgumentException("The layer's parameter gradients are null.")).Select(pair => new KeyValuePair<string, object?>(pair.Key, pair.Value))];
    }

    /// <summary>Draws the upstream gradient with another seed.</summary>
    /// <param name="seed">The seed; it is printed in the report.</param>
    public LayerUnderTest<TInput, TOutput> WithSeed(int seed) =>
        new(Input, forward, backward, parameters, parameterGradients, seed);

    /// <summary>
    /// The layer check as a <see cref="GradientProblem{T}"/>, so that <c>[GradientCheck]</c> makes one test
    /// case per tensor: <c>x</c>, a tensor of its own (the problem's copy of <see cref="Input"/>), then
    /// each parameter. The cost is J = &lt;dy, f(x)&gt; with dy drawn from the seed at the first forward
    /// pass; the problem's backward pass runs the forward pass at the current point, then the backward
    /// pass with dy.
    /// </summary>
    /// <param name="name">The problem's name in test names and messages, such as <c>ConvBatchNorm</c>.</param>
    /// <param name="options">How the problem is checked unless the caller says otherwise; null for the defaults.</param>
    /// <typeparam name="T">The element type of x: <c>float</c> or <c>double</c>.</typeparam>
    /// <exception cref="ArgumentException">The name is empty, x's container is not supported, or its element type is not <typeparamref name="T"/>.</exception>
    public GradientProblem<T> AsProblem<T>(string name, GradientCheckOptions? options = null)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Type elementType = LayerContainers.ElementType(Input.GetType())
            ?? throw new ArgumentException($"The layer's input is a {TypeNames.Friendly(Input.GetType())}; it must be one of {TensorStorageFactory.SupportedContainers}.");
        if (elementType != typeof(T))
        {
            throw new ArgumentException($"The layer's input holds {TypeNames.Friendly(elementType)}, not {TypeNames.Friendly(typeof(T))}: ask for AsProblem<{TypeNames.Friendly(elementType)}>.", nameof(T));
        }

        return LayerCheckRun.Problem<T, TInput, TOutput>(name, Input, forward, backward, parameters, parameterGradients, Seed, options);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A container is not supported, or shapes do not match.</exception>
    /// <exception cref="CostEvaluationException">The forward or backward pass threw; every parameter has been restored.</exception>
    public GradientCheckReport Check(GradientCheckOptions? options = null)
    {
        GradientCheckOptions chosen = options ?? GradientCheckOptions.Default;
        Type? elementType = LayerContainers.ElementType(Input.GetType());
        return elementType == typeof(double) ? AsProblem<double>(Layer.InputName, chosen).Check(chosen)
            : elementType == typeof(float) ? AsProblem<float>(Layer.InputName, chosen).Check(chosen)
            : throw new ArgumentException($"The layer's input is a {TypeNames.Friendly(Input.GetType())}; it must be one of {TensorStorageFactory.SupportedContainers}, of float or double.");
    }
}
