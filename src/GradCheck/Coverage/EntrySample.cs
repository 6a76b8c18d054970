namespace GradCheck.Coverage;

/// <summary>Seeded samples of entries (the directions over them are <see cref="RandomDirection"/>).</summary>
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
}
