namespace GradCheck.Tests.Support;

/// <summary>Entry-wise edits of a float or double container of any rank, for gradients made wrong on purpose.</summary>
internal static class Arrays
{
    /// <summary>Replaces every entry x by <paramref name="change"/>(x), in row-major order.</summary>
    public static void Transform<T>(Array array, Func<T, T> change)
    {
        int[] index = new int[array.Rank];
        for (int flat = 0; flat < array.Length; flat++)
        {
            int rest = flat;
            for (int dimension = array.Rank - 1; dimension >= 0; dimension--)
            {
                index[dimension] = rest % array.GetLength(dimension);
                rest /= array.GetLength(dimension);
            }

            array.SetValue(change((T)array.GetValue(index)!), index);
        }
    }

    /// <summary>The entries of a container of any rank in row-major order.</summary>
    public static T[] Flatten<T>(Array array) => [.. array.Cast<T>()];

    /// <summary>Sets the entry at row-major position <paramref name="flatIndex"/> of a container of any rank.</summary>
    public static void Set<T>(Array array, int flatIndex, T value)
    {
        int[] index = new int[array.Rank];
        int rest = flatIndex;
        for (int dimension = array.Rank - 1; dimension >= 0; dimension--)
        {
            index[dimension] = rest % array.GetLength(dimension);
            rest /= array.GetLength(dimension);
        }

        array.SetValue(value, index);
    }
}
