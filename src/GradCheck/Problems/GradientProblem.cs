using System.Numerics;
using GradCheck.Parameters;

namespace GradCheck;

/// <summary>
/// Makes a <see cref="GradientProblem{T}"/> from what a hand-written model already has: its parameters,
/// its cost and its backward pass. A few lines plug an existing network in:
/// <code>
/// var net = new DenseNetwork&lt;double&gt;([4, 5, 1], Activation.Tanh, seed);
/// return GradientProblem.Create($"Dense(seed: {seed})", net.Parameters, () =&gt; net.Cost(x, y), () =&gt; net.Backward(x, y));
/// </code>
/// </summary>
public static class GradientProblem
{
    /// <summary>A model that reads named parameter tensors in place.</summary>
    /// <param name="name">The problem's name in test names and messages, such as <c>Dense(seed: 1)</c>.</param>
    /// <param name="parameters">Name to container: <c>T[]</c>, <c>T[,]</c> (any rank), dense <c>Tensor&lt;T&gt;</c> or <c>Memory&lt;T&gt;</c>.</param>
    /// <param name="cost">The cost; it reads <paramref name="parameters"/> on every call.</param>
    /// <param name="backward">The backward pass at the current parameters: gradients keyed by the parameter names or by <c>d</c> + name.</param>
    /// <param name="options">How the problem is checked unless the caller says otherwise; null for the defaults.</param>
    /// <exception cref="ArgumentException">The name is empty, or a parameter container is not supported.</exception>
    public static GradientProblem<T> Create<T, TParameter, TGradient>(
        string name,
        IEnumerable<KeyValuePair<string, TParameter>> parameters,
        Func<T> cost,
        Func<IReadOnlyDictionary<string, TGradient>> backward,
        GradientCheckOptions? options = null)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(backward);
        // The backward pass reads the parameters in place, wherever the check has moved them.
        return new GradientProblem<T>(name, GradientCheckTarget<T>.Named(cost, parameters), Backward, _ => Backward(), options);

        TensorSet<T> Backward() => TensorSet<T>.FromPairs(backward() ?? throw new ArgumentException($"The backward pass of {name} returned null."), writable: false, role: "gradient");
    }

    /// <summary>A pure cost of a flat vector, checked at <paramref name="theta"/>.</summary>
    /// <param name="name">The problem's name in test names and messages.</param>
    /// <param name="cost">The cost; it must not keep or modify the array it is given.</param>
    /// <param name="theta">The point at which to check; never modified.</param>
    /// <param name="gradient">The analytic gradient at a point; it is given a copy of theta.</param>
    /// <param name="options">How the problem is checked unless the caller says otherwise; null for the defaults.</param>
    /// <exception cref="ArgumentException">The name is empty.</exception>
    public static GradientProblem<T> Create<T>(string name, Func<T[], T> cost, T[] theta, Func<T[], T[]> gradient, GradientCheckOptions? options = null)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(gradient);
        GradientCheckTarget<T> target = GradientCheckTarget<T>.Flat(cost, theta);
        // At the given point the gradient is given a copy of theta; at a point the check has moved, a
        // copy of the check's own copy.
        return new GradientProblem<T>(
            name,
            target,
            () => Gradient((T[])theta.Clone()),
            point => Gradient(point.Tensors[0].Storage.Span.ToArray()),
            options);

        TensorSet<T> Gradient(T[] point) => TensorSet<T>.Single(GradientCheckTarget<T>.FlatParameterName, gradient(point), writable: false);
    }
}
