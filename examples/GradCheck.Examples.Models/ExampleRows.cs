using System.Buffers;

namespace GradCheck.Examples.Models;

/// <summary>
/// The examples of a data matrix X (n × m, one example per column) laid out one per row (m × n), so
/// that each example is a contiguous span a dot product can read. Dispose it to return its buffer.
/// </summary>
/// <remarks>
/// With one example, the (n × 1) storage of X already is its transpose, so X is used as it is. This is
/// the common case in a gradient check (one 12288-pixel image, the cost evaluated twice per parameter)
/// and it skips a copy as large as the input. With several examples, the transpose goes into a pooled
/// buffer rather than a new array: an input of 12288 entries would otherwise put an object on the
/// large object heap on every call.
/// </remarks>
/// <typeparam name="T">The element type.</typeparam>
internal ref struct ExampleRows<T>
{
    private T[]? rented;

    /// <summary>Lays out the columns of <paramref name="x"/> as rows.</summary>
    public ExampleRows(T[,] x)
    {
        if (x.GetLength(1) == 1)
        {
            Span = Matrix.Flat(x);
        }
        else
        {
            rented = ArrayPool<T>.Shared.Rent(x.Length);
            Span<T> rows = rented.AsSpan(0, x.Length);
            Matrix.Transpose(x, rows);
            Span = rows;
        }
    }

    /// <summary>The examples, row after row: example j is <c>Span.Slice(j * n, n)</c>.</summary>
    public ReadOnlySpan<T> Span { get; }

    /// <summary>Returns the pooled buffer, if one was used.</summary>
    public void Dispose()
    {
        if (rented is not null)
        {
            ArrayPool<T>.Shared.Return(rented);
            rented = null;
        }
    }
}
