namespace GradCheck.Differentiation;

/// <summary>
/// One tensor's numerical derivatives, entry by entry: the estimate, a bound on its error, and the
/// one-sided derivatives that tell whether the cost has a kink there.
/// </summary>
internal sealed class NumericalGradient
{
    public NumericalGradient(int length)
    {
        Value = new double[length];
        Error = new double[length];
        Low = new double[length];
        High = new double[length];
        IsKink = new bool[length];
    }

    /// <summary>The derivative estimate n.</summary>
    public double[] Value { get; }

    /// <summary>An estimate of |n - true derivative|: truncation plus round-off.</summary>
    public double[] Error { get; }

    /// <summary>The smallest one-sided derivative around the entry (NaN where the method computes none).</summary>
    public double[] Low { get; }

    /// <summary>The largest one-sided derivative around the entry (NaN where the method computes none).</summary>
    public double[] High { get; }

    /// <summary>Whether the one-sided derivatives differ by more than a smooth cost allows.</summary>
    public bool[] IsKink { get; }
}
