namespace GradCheck.Differentiation;

/// <summary>
/// One tensor's numerical derivatives, entry by entry: the estimate, a bound on its error, and the
/// one-sided derivatives that tell whether the cost has a kink there.
/// </summary>
internal sealed class NumericalGradient
{
    /// <param name="length">The number of entries.</param>
    /// <param name="partial">
    /// True when only some entries will be differentiated (a sample, or the entries a fast check
    /// localises): the others stay NaN and are marked as not checked.
    /// </param>
    public NumericalGradient(int length, bool partial = false)
    {
        Value = new double[length];
        Error = new double[length];
        Low = new double[length];
        High = new double[length];
        IsKink = new bool[length];
        if (partial)
        {
            Checked = new bool[length];
            Array.Fill(Value, double.NaN);
            Array.Fill(Error, double.NaN);
            Array.Fill(Low, double.NaN);
            Array.Fill(High, double.NaN);
        }
    }

    /// <summary>Which entries have been differentiated; null when every entry is.</summary>
    public bool[]? Checked { get; }

    /// <summary>How many entries have been differentiated.</summary>
    public int CheckedCount => Checked is null ? Value.Length : Checked.Count(isChecked => isChecked);

    /// <summary>The derivative estimate n.</summary>
    public double[] Value { get; }

    /// <summary>An estimate of |n - true derivative|: truncation plus round-off.</summary>
    public double[] Error { get; }

    /// <summary>The smallest one-sided derivative around the entry (NaN where the method computes none).</summary>
    public double[] Low { get; }

    /// <summary>The largest one-sided derivative around the entry (NaN where the method computes none).</summary>
    public double[] High { get; }

    /// <summary>
    /// The tensor's scale, the largest |n|, where the differentiation fixed it before it spent more points
    /// on some entries: then it does not depend on which entries those were (which depends on their
    /// analytic values), so no entry's bound moves with another entry's analytic value. Null to take
    /// the largest finite |n| of <see cref="Value"/>.
    /// </summary>
    public double? Scale { get; set; }

    /// <summary>Whether the one-sided derivatives differ by more than a smooth cost allows.</summary>
    public bool[] IsKink { get; }

    /// <summary>Whether entry <paramref name="index"/> has been differentiated.</summary>
    public bool IsChecked(int index) => Checked is null || Checked[index];

    /// <summary>Records that entry <paramref name="index"/> has been differentiated.</summary>
    public void MarkChecked(int index)
    {
        if (Checked is not null)
        {
            Checked[index] = true;
        }
    }
}
