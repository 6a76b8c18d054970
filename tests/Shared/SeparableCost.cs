namespace GradCheck.Testing;

/// <summary>
/// J = Σ w x²/2 + v x over every entry of the named tensors, with a different weight w and offset v
/// per entry: its gradient w x + v is exact and no two entries share a value, so a mistake planted in
/// it has one reading and nothing else matches by chance.
/// </summary>
internal sealed class SeparableCost
{
    /// <summary>Tensors of the given names and shapes, each filled with its own smooth ramp of values.</summary>
    public SeparableCost(params (string Name, int Rows, int Columns)[] tensors)
    {
        Parameters = new Dictionary<string, double[,]>(StringComparer.Ordinal);
        for (int t = 0; t < tensors.Length; t++)
        {
            (string name, int rows, int columns) = tensors[t];
            Parameters[name] = Fill(rows, columns, 0.3 - (0.4 * t));
        }
    }

    public Dictionary<string, double[,]> Parameters { get; }

    public double Cost()
    {
        double total = 0;
        foreach ((string name, double[,] x) in Parameters)
        {
            for (int i = 0; i < x.GetLength(0); i++)
            {
                for (int j = 0; j < x.GetLength(1); j++)
                {
                    (double w, double v) = Coefficients(name, i, j);
                    total += (w * x[i, j] * x[i, j] / 2) + (v * x[i, j]);
                }
            }
        }

        return total;
    }

    /// <summary>The exact gradient, a fresh copy keyed d + name; <paramref name="plant"/> may change it first.</summary>
    public Dictionary<string, double[,]> Gradient(Action<Dictionary<string, double[,]>>? plant = null)
    {
        var gradient = new Dictionary<string, double[,]>(StringComparer.Ordinal);
        foreach ((string name, double[,] x) in Parameters)
        {
            var g = new double[x.GetLength(0), x.GetLength(1)];
            for (int i = 0; i < x.GetLength(0); i++)
            {
                for (int j = 0; j < x.GetLength(1); j++)
                {
                    (double w, double v) = Coefficients(name, i, j);
                    g[i, j] = (w * x[i, j]) + v;
                }
            }

            gradient["d" + name] = g;
        }

        plant?.Invoke(gradient);
        return gradient;
    }

    /// <summary>Distinct, irregular weights and offsets, so no two gradient entries coincide.</summary>
    private static (double W, double V) Coefficients(string name, int i, int j)
    {
        int tensor = name[0];
        return (1 + (0.37 * ((i * 7) + (j * 3) + tensor) % 5), 0.11 * (((i + 1) * (j + 2) * 13) + tensor) % 1.9);
    }

    private static double[,] Fill(int rows, int columns, double start)
    {
        var x = new double[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                x[i, j] = start + (0.23 * i) - (0.17 * j) + (0.05 * i * j);
            }
        }

        return x;
    }
}
