using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// The few matrix operations the problems are written with, on <c>T[,]</c>, allocating their results.
/// Plain loops: the problems are small, and a reader should be able to check every sum by eye.
/// </summary>
internal static class Matrix
{
    /// <summary>The product <c>a b</c>.</summary>
    public static T[,] Product<T>(T[,] a, T[,] b)
        where T : IFloatingPointIeee754<T>
    {
        int rows = a.GetLength(0);
        int inner = a.GetLength(1);
        int columns = b.GetLength(1);
        Require(b.GetLength(0) == inner, "a b");
        var result = new T[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                T sum = T.Zero;
                for (int k = 0; k < inner; k++)
                {
                    sum += a[i, k] * b[k, j];
                }

                result[i, j] = sum;
            }
        }

        return result;
    }

    /// <summary>The product <c>a bᵀ</c> (the shape of a weight gradient <c>dZ Aᵀ</c>).</summary>
    public static T[,] ProductTransposeB<T>(T[,] a, T[,] b)
        where T : IFloatingPointIeee754<T>
    {
        int rows = a.GetLength(0);
        int inner = a.GetLength(1);
        int columns = b.GetLength(0);
        Require(b.GetLength(1) == inner, "a bᵀ");
        var result = new T[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                T sum = T.Zero;
                for (int k = 0; k < inner; k++)
                {
                    sum += a[i, k] * b[j, k];
                }

                result[i, j] = sum;
            }
        }

        return result;
    }

    /// <summary>The product <c>aᵀ b</c> (the shape of a back-propagated error <c>Wᵀ dZ</c>).</summary>
    public static T[,] ProductTransposeA<T>(T[,] a, T[,] b)
        where T : IFloatingPointIeee754<T>
    {
        int inner = a.GetLength(0);
        int rows = a.GetLength(1);
        int columns = b.GetLength(1);
        Require(b.GetLength(0) == inner, "aᵀ b");
        var result = new T[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                T sum = T.Zero;
                for (int k = 0; k < inner; k++)
                {
                    sum += a[k, i] * b[k, j];
                }

                result[i, j] = sum;
            }
        }

        return result;
    }

    /// <summary><c>w a + b</c> with the column <c>b</c> added to every column: one dense layer, examples in columns.</summary>
    public static T[,] Affine<T>(T[,] w, T[,] a, T[,] b)
        where T : IFloatingPointIeee754<T>
    {
        T[,] z = Product(w, a);
        Require(b.GetLength(0) == z.GetLength(0) && b.GetLength(1) == 1, "a bias column");
        for (int i = 0; i < z.GetLength(0); i++)
        {
            for (int j = 0; j < z.GetLength(1); j++)
            {
                z[i, j] += b[i, 0];
            }
        }

        return z;
    }

    /// <summary>The sums of the rows, as a column: the gradient of a bias shared by all examples.</summary>
    public static T[,] RowSums<T>(T[,] a)
        where T : IFloatingPointIeee754<T>
    {
        var sums = new T[a.GetLength(0), 1];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            T sum = T.Zero;
            for (int j = 0; j < a.GetLength(1); j++)
            {
                sum += a[i, j];
            }

            sums[i, 0] = sum;
        }

        return sums;
    }

    /// <summary>Column <paramref name="column"/> of <paramref name="a"/>, as an (n, 1) matrix.</summary>
    public static T[,] Column<T>(T[,] a, int column)
        where T : IFloatingPointIeee754<T>
    {
        var result = new T[a.GetLength(0), 1];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            result[i, 0] = a[i, column];
        }

        return result;
    }

    /// <summary><paramref name="function"/> applied to every entry.</summary>
    public static T[,] Map<T>(T[,] a, Func<T, T> function)
        where T : IFloatingPointIeee754<T>
    {
        var result = new T[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                result[i, j] = function(a[i, j]);
            }
        }

        return result;
    }

    /// <summary><paramref name="function"/> applied to every pair of entries of two same-shaped matrices.</summary>
    public static T[,] Zip<T>(T[,] a, T[,] b, Func<T, T, T> function)
        where T : IFloatingPointIeee754<T>
    {
        Require(a.GetLength(0) == b.GetLength(0) && a.GetLength(1) == b.GetLength(1), "same shapes");
        var result = new T[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                result[i, j] = function(a[i, j], b[i, j]);
            }
        }

        return result;
    }

    /// <summary>Multiplies every entry by <paramref name="factor"/>, in place, and returns the matrix.</summary>
    public static T[,] ScaleInPlace<T>(T[,] a, T factor)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                a[i, j] *= factor;
            }
        }

        return a;
    }

    /// <summary>A copy of the matrix.</summary>
    public static T[,] Copy<T>(T[,] a)
        where T : IFloatingPointIeee754<T> =>
        (T[,])a.Clone();

    /// <summary>A number of the problem's type from a double literal.</summary>
    public static T Of<T>(double value)
        where T : IFloatingPointIeee754<T> =>
        T.CreateTruncating(value);

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new ArgumentException($"Shapes do not fit for {what}.");
        }
    }
}
