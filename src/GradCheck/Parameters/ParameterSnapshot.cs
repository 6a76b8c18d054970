using System.Numerics;

namespace GradCheck.Parameters;

/// <summary>
/// A copy of every parameter taken before the check, so that whatever happens during it (a cost
/// that throws, a cost that trains the model), the user's parameters end bit for bit as they began.
/// One copy per check, not per entry: the per-entry restore is a single assignment.
/// </summary>
internal sealed class ParameterSnapshot<T>
    where T : IFloatingPointIeee754<T>
{
    private readonly TensorSet<T> parameters;
    private readonly T[][] saved;

    public ParameterSnapshot(TensorSet<T> parameters)
    {
        this.parameters = parameters;
        saved = [.. parameters.Tensors.Select(tensor => tensor.Storage.Span.ToArray())];
    }

    /// <summary>
    /// Puts back every tensor that differs from the snapshot and returns the names of those that did.
    /// </summary>
    /// <param name="copy">A worker's model, which holds the snapshot's values too; null for the parameters snapshotted.</param>
    public List<string> RestoreModified(TensorSet<T>? copy = null)
    {
        TensorSet<T> into = copy ?? parameters;
        var modified = new List<string>();
        for (int i = 0; i < saved.Length; i++)
        {
            Span<T> current = into.Tensors[i].Storage.Span;
            if (!Bitwise.Equal<T>(current, saved[i]))
            {
                saved[i].CopyTo(current);
                modified.Add(into.Tensors[i].Name);
            }
        }

        return modified;
    }

    /// <summary>The saved values of tensor <paramref name="tensor"/>: the given point, from which a directional probe moves and to which it restores.</summary>
    public ReadOnlySpan<T> Given(int tensor) => saved[tensor];

    /// <summary>The saved values of tensor <paramref name="tensor"/>, for a holder that outlives a call (the Taylor test's line of points).</summary>
    public ReadOnlyMemory<T> GivenMemory(int tensor) => saved[tensor];

    /// <summary>Writes the saved values into another set of parameters with the same shapes (a worker's model).</summary>
    public void CopyTo(TensorSet<T> other)
    {
        for (int i = 0; i < saved.Length; i++)
        {
            saved[i].CopyTo(other.Tensors[i].Storage.Span);
        }
    }
}
