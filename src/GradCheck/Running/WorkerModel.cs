using System.Numerics;
using GradCheck.Parameters;

namespace GradCheck;

/// <summary>
/// One worker's own copy of a model for a parallel check (<see cref="GradientCheckOptions.Workers"/>):
/// a cost that reads only this copy's parameters. The checker copies the model's parameter values into
/// it bit for bit before use, so the copy needs the same names and shapes, not the same values.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class WorkerModel<T>
    where T : IFloatingPointIeee754<T>
{
    internal WorkerModel(Func<T> cost, TensorSet<T> parameters)
    {
        Cost = cost;
        Parameters = parameters;
    }

    /// <summary>The copy's cost.</summary>
    internal Func<T> Cost { get; }

    /// <summary>The copy's parameters, perturbed by its worker only.</summary>
    internal TensorSet<T> Parameters { get; }
}

/// <summary>Creates <see cref="WorkerModel{T}"/>s.</summary>
public static class WorkerModel
{
    /// <summary>A worker's copy of a model: its cost and the parameters that cost reads.</summary>
    /// <param name="cost">The copy's cost, such as <c>() =&gt; copy.Cost(x, y)</c>.</param>
    /// <param name="parameters">The copy's parameters by name, as the model's are given to the check.</param>
    /// <exception cref="ArgumentException">A parameter cannot be perturbed in place (see <see cref="GradientCheckTarget{T}.Named{TContainer}"/>).</exception>
    public static WorkerModel<T> Of<T, TContainer>(Func<T> cost, IEnumerable<KeyValuePair<string, TContainer>> parameters)
        where T : IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(cost);
        ArgumentNullException.ThrowIfNull(parameters);
        return new WorkerModel<T>(cost, TensorSet<T>.FromPairs(parameters, writable: true, role: "worker model's parameter"));
    }
}
