using System.Numerics;
using GradCheck.Parameters;
using GradCheck.Reporting;

namespace GradCheck;

/// <summary>
/// A model with parameters, a cost and a backward pass: everything a gradient check needs, under a
/// name. <c>[GradientCheck]</c> turns a source of these into one test case per problem and tensor.
/// Create one with <see cref="GradientProblem.Create{T, TParameter, TGradient}"/> (named tensors, the
/// shape of a hand-written network) or <see cref="GradientProblem.Create{T}(string, Func{T[], T}, T[], Func{T[], T[]}, GradientCheckOptions)"/>
/// (a pure cost of a flat vector).
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
public sealed class GradientProblem<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The backward pass at the current parameters.</summary>
    private readonly Func<TensorSet<T>> backward;

    /// <summary>The backward pass at the parameters the check gives it, for the re-check at a point nudged off the ties.</summary>
    private readonly Func<TensorSet<T>, TensorSet<T>> backwardAt;

    internal GradientProblem(string name, GradientCheckTarget<T> target, Func<TensorSet<T>> backward, Func<TensorSet<T>, TensorSet<T>> backwardAt, GradientCheckOptions? options)
    {
        Name = name;
        Target = target;
        this.backward = backward;
        this.backwardAt = backwardAt;
        Options = options;
    }

    /// <summary>The problem's name in test names and messages, such as <c>Dense(seed: 1)</c>.</summary>
    public string Name { get; }

    /// <summary>The cost and the parameters it is differentiated with respect to.</summary>
    public GradientCheckTarget<T> Target { get; }

    /// <summary>The parameter tensors' names, in order: one test case each under <c>[GradientCheck]</c>.</summary>
    public IReadOnlyList<string> TensorNames => Target.TensorNames;

    /// <summary>How this problem is checked when the caller does not say; null for the defaults.</summary>
    public GradientCheckOptions? Options { get; }

    /// <summary>The same problem, checked with <paramref name="options"/> unless the caller says otherwise.</summary>
    /// <param name="options">The options, such as <c>new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-6) }</c>.</param>
    public GradientProblem<T> WithOptions(GradientCheckOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new GradientProblem<T>(Name, Target, backward, backwardAt, options) { Notes = Notes };
    }

    /// <summary>Lines the report adds about how the problem was set up (a layer check's dy), read after the backward pass has run; none by default.</summary>
    internal Func<IReadOnlyList<string>> Notes { get; init; } = static () => [];

    /// <summary>
    /// Runs the backward pass and checks its gradient with respect to every tensor. Entries not checkable
    /// at the given point, because kinks may meet there, are re-checked at a point nudged off the ties,
    /// where the backward pass runs again (<see cref="GradientCheckOptions.RecheckAtNudgedPoint"/>); every
    /// parameter is restored bit for bit afterwards.
    /// </summary>
    /// <param name="options">How to check; null for <see cref="Options"/>, else the defaults.</param>
    public GradientCheckReport Check(GradientCheckOptions? options = null) => CheckHeld(options ?? Options ?? GradientCheckOptions.Default);

    /// <summary>
    /// Runs the backward pass and checks its gradient with respect to one tensor only, differentiating
    /// that tensor's entries alone (and re-checking, as <see cref="Check(GradientCheckOptions)"/> does,
    /// those not checkable at the given point).
    /// </summary>
    /// <param name="tensor">One of <see cref="TensorNames"/>.</param>
    /// <param name="options">How to check; null for <see cref="Options"/>, else the defaults.</param>
    /// <exception cref="ArgumentException"><paramref name="tensor"/> is not one of the problem's tensors.</exception>
    public GradientCheckReport Check(string tensor, GradientCheckOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(tensor);
        GradientCheckOptions chosen = options ?? Options ?? GradientCheckOptions.Default;
        return CheckHeld(chosen with { Tensors = [tensor] });
    }

    /// <summary>
    /// The backward pass and the check, with the parameters held from before the one to the end of the
    /// other: two checks of one problem (the cases of a parallel fixture) take turns, so that neither
    /// runs its backward pass, nor snapshots the model, while the other has an entry moved.
    /// </summary>
    private GradientCheckReport CheckHeld(GradientCheckOptions options)
    {
        using ParameterLease<T>? held = Target.HoldForBackward(options.CancellationToken);

        // The backward pass first: a layer's problem draws dy, which its notes describe, at its first forward pass.
        TensorSet<T> gradients = backward();
        return Target.CheckWithBackward(gradients, options, backwardAt, Notes());
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
