using System.Numerics;

namespace GradCheck.Zoo;

/// <summary>
/// Seeded random numbers: standard normals by the Box–Muller transform on <see cref="Random"/>, plus the
/// few uniform and integer draws the problems need.
/// </summary>
/// <remarks>
/// <c>new Random(seed)</c> produces the same sequence on every platform and .NET version (the seeded
/// constructor keeps the legacy algorithm), and Box–Muller uses only that sequence, so a seed fixes a
/// problem everywhere. Numbers are drawn in double and rounded to the problem's type, so the float and
/// double problems of one seed are the same problem up to that rounding.
/// </remarks>
internal sealed class Gaussian
{
    private readonly Random random;
    private double spare;
    private bool hasSpare;

    /// <summary>Creates the generator for <paramref name="seed"/>.</summary>
    public Gaussian(int seed) => random = new Random(seed);

    /// <summary>A standard normal number.</summary>
    public double Next()
    {
        // Box–Muller makes normals in pairs; the second is kept for the next call.
        if (hasSpare)
        {
            hasSpare = false;
            return spare;
        }

        // 1 - NextDouble() is in (0, 1], so the logarithm is finite.
        double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
        double angle = 2.0 * Math.PI * random.NextDouble();
        spare = radius * Math.Sin(angle);
        hasSpare = true;
        return radius * Math.Cos(angle);
    }

    /// <summary>A normal number with the given mean and standard deviation.</summary>
    public double Next(double mean, double standardDeviation) => mean + (standardDeviation * Next());

    /// <summary>A uniform integer in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public int Integer(int minimum, int maximum) => random.Next(minimum, maximum + 1);

    /// <summary>A uniform number in [0, 1).</summary>
    public double Uniform() => random.NextDouble();

    /// <summary>A matrix of independent normals.</summary>
    public T[,] Matrix<T>(int rows, int columns, double standardDeviation, double mean = 0.0)
        where T : IFloatingPointIeee754<T>
    {
        var matrix = new T[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                matrix[i, j] = T.CreateTruncating(Next(mean, standardDeviation));
            }
        }

        return matrix;
    }

    /// <summary>A matrix of uniform integers in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public T[,] IntegerMatrix<T>(int rows, int columns, int minimum, int maximum)
        where T : IFloatingPointIeee754<T>
    {
        var matrix = new T[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                matrix[i, j] = T.CreateTruncating(Integer(minimum, maximum));
            }
        }

        return matrix;
    }

    /// <summary>A matrix of labels, each 0 or 1 with equal probability.</summary>
    public T[,] Labels<T>(int rows, int columns)
        where T : IFloatingPointIeee754<T> =>
        IntegerMatrix<T>(rows, columns, 0, 1);
}
