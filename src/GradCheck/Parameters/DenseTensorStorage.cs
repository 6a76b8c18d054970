using System.Numerics;
using System.Numerics.Tensors;

namespace GradCheck.Parameters;

/// <summary>
/// A dense <see cref="Tensor{T}"/>. Strided tensors are refused by <see cref="TensorStorageFactory"/>:
/// with a stride of 0 one perturbation would move several entries at once.
/// </summary>
internal sealed class DenseTensorStorage<T>(Tensor<T> tensor) : TensorStorage<T>(ShapeOf(tensor))
    where T : IFloatingPointIeee754<T>
{
    public override Span<T> Span
    {
        get
        {
            if (tensor.FlattenedLength == 0)
            {
                return [];
            }

            Span<nint> origin = stackalloc nint[tensor.Rank];
            return tensor.GetSpan(origin, checked((int)tensor.FlattenedLength));
        }
    }

    private static int[] ShapeOf(Tensor<T> tensor)
    {
        var shape = new int[tensor.Rank];
        for (int dimension = 0; dimension < shape.Length; dimension++)
        {
            shape[dimension] = checked((int)tensor.Lengths[dimension]);
        }

        return shape;
    }
}
