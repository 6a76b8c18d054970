using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GradCheck.Examples.Models;

/// <summary>
/// Helpers for row-major <c>T[,]</c> matrices. The runtime stores a multi-dimensional array
/// contiguously in row-major order, so a row is a contiguous span that vectorized kernels can read.
/// </summary>
internal static class Matrix
{
    /// <summary>Every entry of <paramref name="matrix"/>, row after row.</summary>
    public static Span<T> Flat<T>(T[,] matrix) =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);

    /// <summary>Row <paramref name="row"/> of <paramref name="matrix"/> as a span over its storage.</summary>
    public static Span<T> Row<T>(T[,] matrix, int row)
    {
        int columns = matrix.GetLength(1);
        return Flat(matrix).Slice(row * columns, columns);
    }

    /// <summary>
    /// Writes the transpose of <paramref name="matrix"/> (rows × columns) into
    /// <paramref name="destination"/> as a row-major columns × rows block.
    /// </summary>
    public static void Transpose<T>(T[,] matrix, Span<T> destination)
    {
        int rows = matrix.GetLength(0);
        int columns = matrix.GetLength(1);
        ReadOnlySpan<T> source = Flat(matrix);
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                destination[(j * rows) + i] = source[(i * columns) + j];
            }
        }
    }

    /// <summary>Throws unless <paramref name="matrix"/> has the given shape.</summary>
    public static void RequireShape<T>(T[,] matrix, int rows, int columns, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix, name);
        if (matrix.GetLength(0) != rows || matrix.GetLength(1) != columns)
        {
            throw new ArgumentException(
                $"{name} has shape ({matrix.GetLength(0)}, {matrix.GetLength(1)}); expected ({rows}, {columns}).",
                name);
        }
    }
}
