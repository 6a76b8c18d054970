using GradCheck.Comparison;

namespace GradCheck.Differentiation;

/// <summary>
/// One tensor's numerical derivatives, entry by entry (<see cref="NumericalEstimate"/>). Dense when every
/// entry is differentiated; sparse when only some are (a sample, the entries a fast check localises, the
/// entries re-checked at a nudged point): then it holds those alone, in the order they were first written,
/// so that a check of 16 entries of a tensor of 100 million holds 16 estimates, not 100 million.
/// </summary>
internal sealed class NumericalGradient
{
    /// <summary>For a sparse gradient, the slot of each entry written; null when dense (the slot is the index).</summary>
    private readonly Dictionary<int, int>? slots;

    /// <summary>For a sparse gradient, the entry of each slot; null when dense.</summary>
    private readonly List<int>? indices;

    private double[] values;
    private double[] errors;
    private double[] lows;
    private double[] highs;
    private bool[] kinks;

    /// <param name="length">The number of entries of the tensor.</param>
    /// <param name="sparse">
    /// True when only some entries will be differentiated: it then holds only those written
    /// (<see cref="Write"/>), and the others are not checked. False when every entry will be.
    /// </param>
    public NumericalGradient(int length, bool sparse = false)
    {
        Length = length;
        int capacity = sparse ? 0 : length;
        values = new double[capacity];
        errors = new double[capacity];
        lows = new double[capacity];
        highs = new double[capacity];
        kinks = new bool[capacity];
        if (sparse)
        {
            slots = [];
            indices = [];
        }
    }

    /// <summary>The number of entries of the tensor.</summary>
    public int Length { get; }

    /// <summary>How many entries have been differentiated: every one when dense.</summary>
    public int CheckedCount => indices?.Count ?? Length;

    /// <summary>
    /// The tensor's scale, the largest |n|, where the differentiation fixed it before it spent more points
    /// on some entries: then it does not depend on which entries those were (which depends on their
    /// analytic values), so no entry's bound moves with another entry's analytic value. Null to take
    /// the largest finite |n| of the entries differentiated.
    /// </summary>
    public double? Scale { get; set; }

    /// <summary>The estimate of entry <paramref name="index"/>; <see cref="NumericalEstimate.None"/> when it was not differentiated.</summary>
    public NumericalEstimate this[int index] => SlotOf(index) is int slot
        ? new NumericalEstimate(values[slot], errors[slot], lows[slot], highs[slot], kinks[slot])
        : NumericalEstimate.None;

    /// <summary>Whether entry <paramref name="index"/> has been differentiated.</summary>
    public bool IsChecked(int index) => SlotOf(index) is not null;

    /// <summary>
    /// Sets the estimate of entry <paramref name="index"/>, which marks it differentiated. The workers of a
    /// parallel check write their entries at once: a dense gradient's entries are apart, and a sparse one
    /// takes its lock, since a new entry may grow the arrays; nothing reads while they write.
    /// </summary>
    public void Write(int index, in NumericalEstimate estimate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
        if (slots is null)
        {
            Store(index, estimate);
            return;
        }

        lock (slots)
        {
            Store(SlotOf(index) ?? Add(index), estimate);
        }
    }

    /// <summary>n of every entry held, slot by slot.</summary>
    private ReadOnlySpan<double> Values => values.AsSpan(0, CheckedCount);

    /// <summary>
    /// The entries differentiated, in increasing order (null when dense: every entry, the slot its index),
    /// with their estimates in that order. A dense gradient hands over its own arrays.
    /// </summary>
    public (int[]? Indices, NumericalColumns Columns) ByIndex()
    {
        if (indices is null)
        {
            return (null, new NumericalColumns(values, errors, lows, highs, kinks));
        }

        int[] sorted = [.. indices];
        int[] order = [.. Enumerable.Range(0, sorted.Length)];
        Array.Sort(sorted, order);
        return (sorted, new NumericalColumns(
            [.. order.Select(slot => values[slot])],
            [.. order.Select(slot => errors[slot])],
            [.. order.Select(slot => lows[slot])],
            [.. order.Select(slot => highs[slot])],
            [.. order.Select(slot => kinks[slot])]));
    }

    /// <summary>The largest finite |n| among the entries differentiated, 0 when there is none.</summary>
    public double LargestFinite() => GradientComparison.LargestFinite(Values);

    private void Store(int slot, in NumericalEstimate estimate)
    {
        values[slot] = estimate.Value;
        errors[slot] = estimate.Error;
        lows[slot] = estimate.Low;
        highs[slot] = estimate.High;
        kinks[slot] = estimate.IsKink;
    }

    private int? SlotOf(int index)
    {
        if (slots is null)
        {
            return (uint)index < (uint)Length ? index : null;
        }

        return slots.TryGetValue(index, out int slot) ? slot : null;
    }

    private int Add(int index)
    {
        int slot = indices!.Count;
        if (slot == values.Length)
        {
            int capacity = Math.Max(4, 2 * slot);
            Array.Resize(ref values, capacity);
            Array.Resize(ref errors, capacity);
            Array.Resize(ref lows, capacity);
            Array.Resize(ref highs, capacity);
            Array.Resize(ref kinks, capacity);
        }

        slots!.Add(index, slot);
        indices.Add(index);
        return slot;
    }
}
