namespace GradCheck.Comparison;

/// <summary>
/// One quantity of a tensor's checked entries (a, n, a bound, an outcome), read by entry index: every
/// entry when the check covered them all, else the entries checked, in increasing order, with
/// <see cref="Missing"/> standing for the others.
/// </summary>
/// <typeparam name="TValue">The quantity's type.</typeparam>
internal readonly struct EntryColumn<TValue>
{
    private readonly TValue[] values;
    private readonly int[]? indices;

    /// <param name="values">The values of the entries checked, slot by slot.</param>
    /// <param name="indices">The entry of each slot, in increasing order; null when the slot is the entry.</param>
    /// <param name="missing">The value read for an entry not checked.</param>
    public EntryColumn(TValue[] values, int[]? indices, TValue missing)
    {
        this.values = values;
        this.indices = indices;
        Missing = missing;
    }

    /// <summary>The value read for an entry not checked.</summary>
    public TValue Missing { get; }

    /// <summary>The value of entry <paramref name="index"/>; <see cref="Missing"/> when it was not checked.</summary>
    public TValue this[int index]
    {
        get
        {
            if (indices is null)
            {
                return values[index];
            }

            int slot = Array.BinarySearch(indices, index);
            return slot >= 0 ? values[slot] : Missing;
        }
    }

    /// <summary>The values of the entries checked, slot by slot, for the vector work.</summary>
    public ReadOnlySpan<TValue> Checked => values;

    /// <summary>Every entry of a tensor of <paramref name="length"/> entries, <see cref="Missing"/> where not checked.</summary>
    public TValue[] ToArray(int length)
    {
        if (indices is null)
        {
            return [.. values];
        }

        var all = new TValue[length];
        Array.Fill(all, Missing);
        for (int slot = 0; slot < indices.Length; slot++)
        {
            all[indices[slot]] = values[slot];
        }

        return all;
    }
}
