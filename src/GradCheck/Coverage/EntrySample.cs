namespace GradCheck.Coverage;

/// <summary>Seeded samples of entries and seeded directions over them.</summary>
internal static class EntrySample
{
    /// <summary>
    /// <paramref name="count"/> distinct entries of <paramref name="length"/>, in increasing order (all
    /// of them when there are no more), drawn by Floyd's algorithm: k draws, whatever the length.
    /// </summary>
    public static int[] Draw(int length, int count, ref SeededRandom random)
    {
        if (count >= length)
        {
            return [.. Enumerable.Range(0, length)];
        }

        var drawn = new HashSet<int>(count);
        for (int j = length - count; j < length; j++)
        {
            int pick = random.NextInt(j + 1);
            drawn.Add(drawn.Contains(pick) ? j : pick);
        }

        int[] sorted = [.. drawn];
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>A Gaussian direction of unit length over <paramref name="length"/> entries.</summary>
    public static double[] Direction(int length, ref SeededRandom random)
    {
        double[] direction = new double[length];
        double squares = 0;
        for (int i = 0; i < length; i++)
        {
            double value = random.NextGaussian();
            direction[i] = value;
            squares += value * value;
        }

        double scale = 1 / Math.Sqrt(squares);
        for (int i = 0; i < length; i++)
        {
            direction[i] *= scale;
        }

        return direction;
    }
}
