using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Gaussian elimination with partial pivoting in the problem's own type: <c>A⁻¹ B</c> and
/// <c>A⁻ᵀ B</c> for a square A and a few right-hand sides, allocating its results.
/// </summary>
/// <remarks>
/// Partial pivoting picks the largest remaining entry of each column. On the diagonally dominant
/// matrices the zoo solves it never swaps rows, so the choice, which is piecewise in A, does not change
/// within a finite-difference stencil; the solution is smooth in A and B whatever it picks.
/// </remarks>
internal static class LinearSystem
{
    /// <summary>X with <c>A X = B</c>.</summary>
    public static T[,] Solve<T>(T[,] a, T[,] b)
        where T : IFloatingPointIeee754<T> =>
        Eliminate(Matrix.Copy(a), b);

    /// <summary>X with <c>Aᵀ X = B</c>: the adjoint solve of a backward pass.</summary>
    public static T[,] SolveTransposed<T>(T[,] a, T[,] b)
        where T : IFloatingPointIeee754<T>
    {
        int n = a.GetLength(0);
        var transposed = new T[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                transposed[i, j] = a[j, i];
            }
        }

        return Eliminate(transposed, b);
    }

    /// <summary>Reduces <paramref name="a"/> (a copy, overwritten) to upper-triangular form alongside a copy of B, then substitutes back.</summary>
    private static T[,] Eliminate<T>(T[,] a, T[,] b)
        where T : IFloatingPointIeee754<T>
    {
        int n = a.GetLength(0);
        int columns = b.GetLength(1);
        if (a.GetLength(1) != n || b.GetLength(0) != n)
        {
            throw new ArgumentException("A must be square and B must have as many rows as A.");
        }

        T[,] x = Matrix.Copy(b);
        for (int pivot = 0; pivot < n; pivot++)
        {
            int best = pivot;
            for (int row = pivot + 1; row < n; row++)
            {
                if (T.Abs(a[row, pivot]) > T.Abs(a[best, pivot]))
                {
                    best = row;
                }
            }

            if (best != pivot)
            {
                for (int j = 0; j < n; j++)
                {
                    (a[pivot, j], a[best, j]) = (a[best, j], a[pivot, j]);
                }

                for (int j = 0; j < columns; j++)
                {
                    (x[pivot, j], x[best, j]) = (x[best, j], x[pivot, j]);
                }
            }

            for (int row = pivot + 1; row < n; row++)
            {
                T factor = a[row, pivot] / a[pivot, pivot];
                for (int j = pivot; j < n; j++)
                {
                    a[row, j] -= factor * a[pivot, j];
                }

                for (int j = 0; j < columns; j++)
                {
                    x[row, j] -= factor * x[pivot, j];
                }
            }
        }

        for (int row = n - 1; row >= 0; row--)
        {
            for (int j = 0; j < columns; j++)
            {
                T sum = x[row, j];
                for (int k = row + 1; k < n; k++)
                {
                    sum -= a[row, k] * x[k, j];
                }

                x[row, j] = sum / a[row, row];
            }
        }

        return x;
    }
}
