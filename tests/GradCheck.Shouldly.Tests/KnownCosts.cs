using System.Numerics;

namespace GradCheck.Shouldly.Tests;

/// <summary>Small costs with known gradients, and ways to make a gradient wrong on purpose.</summary>
internal static class KnownCosts
{
    /// <summary>A point away from any special value of <see cref="Cost"/>.</summary>
    public static double[] Theta => [0.5, -1.25, 2.0, 0.75];

    /// <summary>The same point in float.</summary>
    public static float[] ThetaF => [0.5f, -1.25f, 2.0f, 0.75f];

    /// <summary>J = sum(t_i²) / 2 + 3 t_1 + sin(t_2), so dJ/dt = t + [0, 3, cos(t_2), 0].</summary>
    public static double Cost(double[] t) => (t.Sum(v => v * v) / 2) + (3 * t[1]) + Math.Sin(t[2]);

    /// <summary>The exact gradient of <see cref="Cost"/>.</summary>
    public static double[] Gradient(double[] t)
    {
        double[] gradient = [.. t];
        gradient[1] += 3;
        gradient[2] += Math.Cos(t[2]);
        return gradient;
    }

    /// <summary><see cref="Cost"/> in float.</summary>
    public static float CostF(float[] t) => (t.Sum(v => v * v) / 2) + (3 * t[1]) + MathF.Sin(t[2]);

    /// <summary><see cref="Gradient"/> in float.</summary>
    public static float[] GradientF(float[] t)
    {
        float[] gradient = [.. t];
        gradient[1] += 3;
        gradient[2] += MathF.Cos(t[2]);
        return gradient;
    }

    /// <summary>Every entry times <paramref name="factor"/>, in a new array.</summary>
    public static T[] Scaled<T>(T[] vector, T factor)
        where T : IFloatingPointIeee754<T> =>
        [.. vector.Select(value => value * factor)];

    /// <summary>Every entry of a matrix times <paramref name="factor"/>, in place.</summary>
    public static void Scale<T>(T[,] matrix, T factor)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < matrix.GetLength(0); i++)
        {
            for (int j = 0; j < matrix.GetLength(1); j++)
            {
                matrix[i, j] *= factor;
            }
        }
    }

    /// <summary>The bit patterns of every entry of every matrix, to compare parameters before and after a check.</summary>
    public static Dictionary<string, long[]> Bits(Dictionary<string, double[,]> matrices) =>
        matrices.ToDictionary(pair => pair.Key, pair => pair.Value.Cast<double>().Select(BitConverter.DoubleToInt64Bits).ToArray());
}
