namespace GradCheck.Comparison;

/// <summary>
/// The k entries with the highest scores seen so far, kept in a small sorted array: offering an entry
/// allocates nothing, and k is a handful, so insertion beats a heap.
/// </summary>
internal sealed class WorstEntries
{
    private readonly int[] indices;
    private readonly double[] scores;

    public WorstEntries(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        indices = new int[capacity];
        scores = new double[capacity];
    }

    /// <summary>How many entries are kept so far.</summary>
    public int Count { get; private set; }

    /// <summary>Keeps <paramref name="index"/> if its score is among the k highest; ties keep the earlier entry.</summary>
    public void Offer(int index, double score)
    {
        if (indices.Length == 0 || (Count == indices.Length && score <= scores[Count - 1]))
        {
            return;
        }

        int position = Count == indices.Length ? Count - 1 : Count++;
        while (position > 0 && scores[position - 1] < score)
        {
            indices[position] = indices[position - 1];
            scores[position] = scores[position - 1];
            position--;
        }

        indices[position] = index;
        scores[position] = score;
    }

    /// <summary>The kept indices, highest score first.</summary>
    public ReadOnlySpan<int> IndicesWorstFirst() => indices.AsSpan(0, Count);
}
