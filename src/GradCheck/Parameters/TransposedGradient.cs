using System.Numerics;

namespace GradCheck.Parameters;

/// <summary>
/// A gradient given with its parameter's shape transposed: <c>dW1</c> (6, 8) for <c>W1</c> (8, 6), the
/// classic slip of computing <c>dW = δ xᵀ</c> the wrong way round. Such a gradient is not a shape error:
/// it is checked, read transposed back (<c>a[i,j] = dW1[j,i]</c>), and fails with a diagnosis that says
/// so and what the values are once transposed back, so the user learns both mistakes at once.
/// </summary>
/// <remarks>
/// For a tensor of rank above 2, "the transpose" is the reversal of every axis, as numpy's <c>.T</c> and
/// the usual <c>(out, in, k)</c> to <c>(k, in, out)</c> mix-up of a kernel give it: <c>a[i,j,k] = g[k,j,i]</c>.
/// Other permutations of the axes stay shape errors: where two axes have the same length, which
/// permutation was meant cannot be told from the shapes.
/// </remarks>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="Gradient">The gradient's name, as the user gave it (<c>dW1</c>).</param>
/// <param name="GradientShape">The gradient's shape, the reverse of the parameter's.</param>
internal sealed record TransposedGradient(string Parameter, string Gradient, int[] GradientShape)
{
    /// <summary>Whether a gradient of shape <paramref name="gradient"/> is the transpose of a parameter of shape <paramref name="parameter"/> and not the same shape.</summary>
    public static bool IsTransposeOf(ReadOnlySpan<int> gradient, ReadOnlySpan<int> parameter)
    {
        if (gradient.Length < 2 || gradient.Length != parameter.Length || gradient.SequenceEqual(parameter))
        {
            return false;
        }

        for (int axis = 0; axis < gradient.Length; axis++)
        {
            if (gradient[axis] != parameter[parameter.Length - 1 - axis])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A copy of <paramref name="gradient"/> with its axes reversed, in the parameter's shape; the user's gradient is only read.</summary>
    public static TensorStorage<T> TransposedBack<T>(TensorStorage<T> gradient, int[] parameterShape)
        where T : IFloatingPointIeee754<T>
    {
        ReadOnlySpan<T> given = gradient.Span;
        var back = new T[given.Length];
        int rank = parameterShape.Length;
        Span<int> index = stackalloc int[rank];
        for (int flat = 0; flat < back.Length; flat++)
        {
            // back[i0, ..., ir] = given[ir, ..., i0]: the same index read in reverse, row-major in the given shape.
            Shapes.Unflatten(flat, parameterShape, index);
            int source = 0;
            for (int axis = rank - 1; axis >= 0; axis--)
            {
                source = (source * gradient.Shape[rank - 1 - axis]) + index[axis];
            }

            back[flat] = given[source];
        }

        return new CopiedStorage<T>(back, parameterShape);
    }
}
