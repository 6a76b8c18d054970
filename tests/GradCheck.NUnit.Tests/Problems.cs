namespace GradCheck.NUnit.Tests;

/// <summary>Small costs with known gradients, and ways to make a gradient wrong on purpose.</summary>
internal static class Problems
{
    /// <summary>J = sum(t_i²) / 2 + 3 t_1 + sin(t_2), so dJ/dt = t + [0, 3, cos(t_2), 0].</summary>
    public static double Cost(double[] t) => (t.Sum(v => v * v) / 2) + (3 * t[1]) + Math.Sin(t[2]);

    public static double[] Gradient(double[] t)
    {
        double[] gradient = [.. t];
        gradient[1] += 3;
        gradient[2] += Math.Cos(t[2]);
        return gradient;
    }

    public static float CostF(float[] t) => (t.Sum(v => v * v) / 2) + (3 * t[1]) + MathF.Sin(t[2]);

    public static float[] GradientF(float[] t)
    {
        float[] gradient = [.. t];
        gradient[1] += 3;
        gradient[2] += MathF.Cos(t[2]);
        return gradient;
    }

    public static readonly double[] Theta = [0.5, -1.25, 2.0, 0.75];

    public static void Scale<T>(T[,] matrix, T factor)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        for (int i = 0; i < matrix.GetLength(0); i++)
        {
            for (int j = 0; j < matrix.GetLength(1); j++)
            {
                matrix[i, j] *= factor;
            }
        }
    }
}
