using System.Numerics;

namespace GradCheck.Parameters;

/// <summary>A <see cref="Memory{T}"/> (a slice of a larger buffer, say), seen as a vector.</summary>
internal sealed class MemoryStorage<T>(Memory<T> memory) : TensorStorage<T>([memory.Length])
    where T : IFloatingPointIeee754<T>
{
    public override Span<T> Span => memory.Span;
}
