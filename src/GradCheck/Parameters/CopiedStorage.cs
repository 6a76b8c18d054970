using System.Numerics;

namespace GradCheck.Parameters;

/// <summary>
/// Entries the checker owns, in a given shape: a gradient transposed back into its parameter's shape,
/// or the stand-in for the gradient of a tensor a check does not read.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
internal sealed class CopiedStorage<T>(T[] entries, int[] shape) : TensorStorage<T>(shape)
    where T : IFloatingPointIeee754<T>
{
    public override Span<T> Span => entries;
}
