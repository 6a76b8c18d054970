namespace GradCheck.Testing;

/// <summary>Mistakes to plant in a gradient matrix, each returning a new matrix.</summary>
internal static class Mutations
{
    public static double[,] Map(double[,] g, Func<int, int, double, double> change)
    {
        var result = new double[g.GetLength(0), g.GetLength(1)];
        for (int i = 0; i < g.GetLength(0); i++)
        {
            for (int j = 0; j < g.GetLength(1); j++)
            {
                result[i, j] = change(i, j, g[i, j]);
            }
        }

        return result;
    }

    public static double[,] Scaled(double[,] g, double factor) => Map(g, (_, _, value) => factor * value);

    /// <summary>dWᵀ computed and stored into dW's buffer: the transpose's row-major data in the original shape.</summary>
    public static double[,] StoredTransposed(double[,] g)
    {
        int rows = g.GetLength(0);
        return Map(g, (i, j, _) => (i * g.GetLength(1)) + j is var flat ? g[flat % rows, flat / rows] : 0);
    }

    /// <summary>Row-major entry k takes the value of entry k + <paramref name="step"/>; the edge entry keeps 0.</summary>
    public static double[,] ShiftedFlat(double[,] g, int step)
    {
        int columns = g.GetLength(1);
        return Map(g, (i, j, _) => (i * columns) + j + step is var from && from >= 0 && from < g.Length ? g[from / columns, from % columns] : 0);
    }

    /// <summary>Row i takes the values of row i + <paramref name="step"/>; the edge row keeps 0.</summary>
    public static double[,] ShiftedRows(double[,] g, int step) =>
        Map(g, (i, j, _) => i + step >= 0 && i + step < g.GetLength(0) ? g[i + step, j] : 0);

    /// <summary>Column j takes the values of column j + <paramref name="step"/>; the edge column keeps 0.</summary>
    public static double[,] ShiftedColumns(double[,] g, int step) =>
        Map(g, (i, j, _) => j + step >= 0 && j + step < g.GetLength(1) ? g[i, j + step] : 0);
}
