using System.Numerics;

namespace GradCheck.Examples.Models;

/// <summary>
/// A deterministic source of standard-normal numbers: <see cref="Random(int)"/> with a fixed seed
/// (whose sequence .NET keeps stable across versions) turned into normals by the Box–Muller transform.
/// </summary>
/// <remarks>
/// The numbers are drawn in double and only then converted to <c>T</c>, so a float model and a double
/// model built from the same seed hold the same parameters up to one rounding, and their gradients
/// can be compared with each other.
/// </remarks>
internal sealed class SeededNormal(int seed)
{
    private readonly Random random = new(seed);

    // Box–Muller produces normals in pairs; the second one is kept for the next call.
    private double spare;
    private bool hasSpare;

    /// <summary>The next standard-normal number.</summary>
    public double NextDouble()
    {
        if (hasSpare)
        {
            hasSpare = false;
            return spare;
        }

        // 1 - U lies in (0, 1], so the logarithm is finite.
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        double radius = Math.Sqrt(-2.0 * Math.Log(u1));
        double angle = 2.0 * Math.PI * u2;
        spare = radius * Math.Sin(angle);
        hasSpare = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>The next standard-normal number times <paramref name="scale"/>, as <typeparamref name="T"/>.</summary>
    public T Next<T>(double scale)
        where T : IFloatingPointIeee754<T> =>
        T.CreateChecked(NextDouble() * scale);

    /// <summary>A new matrix of standard normals times <paramref name="scale"/>, filled row by row.</summary>
    public T[,] NextMatrix<T>(int rows, int columns, double scale)
        where T : IFloatingPointIeee754<T>
    {
        var matrix = new T[rows, columns];
        Span<T> entries = Matrix.Flat(matrix);
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = Next<T>(scale);
        }

        return matrix;
    }
}
