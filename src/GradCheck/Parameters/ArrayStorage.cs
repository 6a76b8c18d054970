using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GradCheck.Parameters;

/// <summary>
/// A CLR array of any rank (<c>T[]</c>, <c>T[,]</c>, <c>T[,,]</c>, ...). Multi-dimensional arrays are
/// laid out row-major and contiguously by the runtime, so one span covers every entry.
/// </summary>
internal sealed class ArrayStorage<T>(Array array) : TensorStorage<T>(ShapeOf(array))
    where T : IFloatingPointIeee754<T>
{
    public override Span<T> Span =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);

    private static int[] ShapeOf(Array array)
    {
        var shape = new int[array.Rank];
        for (int dimension = 0; dimension < shape.Length; dimension++)
        {
            shape[dimension] = array.GetLength(dimension);
        }

        return shape;
    }
}
