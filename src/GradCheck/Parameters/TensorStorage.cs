using System.Numerics;

namespace GradCheck.Parameters;

/// <summary>
/// Dense, row-major storage of one tensor's entries, whatever container the user keeps them in
/// (<c>T[]</c>, <c>T[,]</c> or any rank, <see cref="System.Numerics.Tensors.Tensor{T}"/>, <see cref="Memory{T}"/>).
/// The checker reads and perturbs entries through <see cref="Span"/>, so a perturbation is seen by a
/// model that reads the same container.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal abstract class TensorStorage<T>
    where T : IFloatingPointIeee754<T>
{
    protected TensorStorage(int[] shape) => Shape = shape;

    /// <summary>The length of each dimension, outermost first.</summary>
    public int[] Shape { get; }

    /// <summary>The entries in row-major order; writes go to the user's container.</summary>
    public abstract Span<T> Span { get; }

    /// <summary>The number of entries.</summary>
    public int Length => Span.Length;
}
