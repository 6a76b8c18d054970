namespace GradCheck.Differentiation;

/// <summary>One entry's numerical derivative: the estimate, a bound on its error, and the one-sided derivatives that tell whether the cost has a kink there.</summary>
/// <param name="Value">The derivative estimate n.</param>
/// <param name="Error">An estimate of |n - true derivative|: truncation plus round-off.</param>
/// <param name="Low">The smallest one-sided derivative around the entry (NaN where the method computes none).</param>
/// <param name="High">The largest one-sided derivative around the entry (NaN where the method computes none).</param>
/// <param name="IsKink">Whether the one-sided derivatives differ by more than a smooth cost allows.</param>
internal readonly record struct NumericalEstimate(double Value, double Error, double Low, double High, bool IsKink)
{
    /// <summary>The estimate of an entry not differentiated: every number NaN, no kink.</summary>
    public static NumericalEstimate None { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, IsKink: false);
}
