namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// A sum in double with its rounding errors carried along (Neumaier's variant of Kahan summation, and
/// products split exactly with a fused multiply-add), so that a known function's value is as if computed
/// in about twice double's precision and rounded once: its error is at most about ε|sum| + n ε² Σ|terms|.
/// The fuzzed costs need that: the checker's automatic tolerance assumes a cost accurate to a few ulps of
/// its value, and a sum whose terms cancel, computed naively, is not.
/// </summary>
internal struct CompensatedSum
{
    private double sum;
    private double compensation;

    /// <summary>Σ|terms|, for the error bound.</summary>
    public double Magnitude { get; private set; }

    /// <summary>The sum, rounded once; not finite when a term or the sum overflowed.</summary>
    public readonly double Value => double.IsFinite(sum) ? sum + compensation : sum;

    public void Add(double value)
    {
        double total = sum + value;
        compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - total) + value : (value - total) + sum;
        sum = total;
        Magnitude += Math.Abs(value);
    }

    /// <summary>Adds a b exactly: the product's rounding error, FMA(a, b, -ab), goes into the compensation.</summary>
    public void AddProduct(double a, double b)
    {
        double product = a * b;
        Add(product);
        compensation += Math.FusedMultiplyAdd(a, b, -product);
    }
}
