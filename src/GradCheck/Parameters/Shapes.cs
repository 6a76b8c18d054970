using System.Globalization;

namespace GradCheck.Parameters;

/// <summary>Formats shapes and entry indices the same way everywhere: shape <c>(5, 4)</c>, entry <c>W1[3,2]</c>.</summary>
internal static class Shapes
{
    /// <summary>Formats a shape as <c>(5, 4)</c>; a vector as <c>(7)</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape)
    {
        var parts = new string[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            parts[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        }

        return "(" + string.Join(", ", parts) + ")";
    }

    /// <inheritdoc cref="Format(ReadOnlySpan{int})"/>
    public static string Format(ReadOnlySpan<nint> shape)
    {
        Span<int> narrow = stackalloc int[shape.Length];
        for (int i = 0; i < shape.Length; i++)
        {
            narrow[i] = (int)shape[i];
        }

        return Format(narrow);
    }

    /// <summary>Whether two shapes are the same, dimension by dimension.</summary>
    public static bool Equal(ReadOnlySpan<int> left, ReadOnlySpan<int> right) => left.SequenceEqual(right);

    /// <summary>Writes the row-major multi-index of <paramref name="flatIndex"/>.</summary>
    public static void Unflatten(int flatIndex, ReadOnlySpan<int> shape, Span<int> index)
    {
        for (int dimension = shape.Length - 1; dimension >= 0; dimension--)
        {
            index[dimension] = flatIndex % shape[dimension];
            flatIndex /= shape[dimension];
        }
    }

    /// <summary>Labels an entry the way a user indexes it: <c>W1[3,2]</c>.</summary>
    public static string EntryLabel(string tensorName, int flatIndex, ReadOnlySpan<int> shape)
    {
        Span<int> index = stackalloc int[shape.Length];
        Unflatten(flatIndex, shape, index);
        var parts = new string[index.Length];
        for (int i = 0; i < index.Length; i++)
        {
            parts[i] = index[i].ToString(CultureInfo.InvariantCulture);
        }

        return tensorName + "[" + string.Join(",", parts) + "]";
    }
}
