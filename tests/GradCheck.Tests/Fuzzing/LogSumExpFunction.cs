using System.Numerics;

namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// J(x) = log Σ exp(xᵢ), shifted by m = max x so that it neither overflows nor underflows: gradient
/// softmax(x). Along one entry it is a softplus of xᵢ, whose derivatives are σ = pᵢ and then σ' = σ(1 - σ),
/// σ'' = σ'(1 - 2σ), σ''' = σ'(1 - 6σ + 6σ²), σ'''' = σ'(1 - 2σ)(1 - 12σ + 12σ²): from the second on, each
/// is at most σ(1 - σ) in magnitude, which is largest where pᵢ is nearest ½ on the segment.
/// </summary>
internal sealed class LogSumExpFunction<T>(int length) : KnownFunction<T>(length)
    where T : IFloatingPointIeee754<T>
{
    private static readonly double Epsilon = Math.BitIncrement(1.0) - 1;

    /// <summary>
    /// softmax(x) as exp(xᵢ - m) / s. Not exp(xᵢ - J): where J is huge, J = m + log s rounds to m, and
    /// two tied largest entries would get 1 each instead of ½ (as fuzzing found in this very helper).
    /// </summary>
    public override double[] TrueGradient(T[] x)
    {
        (double m, double s) = Shifted(x);
        return [.. x.Select(value => Math.Exp(double.CreateTruncating(value) - m) / s)];
    }

    /// <summary>exp(xᵢ - m) carries the error of xᵢ - m relative to the entry, and the division and s two more ε.</summary>
    public override double GradientError(T[] x, int index)
    {
        (double m, _) = Shifted(x);
        return Epsilon * TrueGradient(x)[index] * (Math.Abs(double.CreateTruncating(x[index]) - m) + 4);
    }

    public override double Curvature(T[] x, int index, T low, T high) => SoftplusBound(x, index, low, high);

    public override double HigherDerivatives(T[] x, int index, T low, T high) => SoftplusBound(x, index, low, high);

    public override string ToString() => $"log-sum-exp of {Length}";

    /// <summary>
    /// m + log s. The error: the rounding of s's terms (each exp(xᵢ - m) relative ε (1 + |xᵢ - m|), so
    /// pᵢ ε (1 + |xᵢ - m|) in J), of the compensated sum, of the log and of the final addition.
    /// </summary>
    protected override (double Value, double Error) Evaluate(ReadOnlySpan<T> x)
    {
        (double m, double s) = Shifted(x);
        double logS = Math.Log(s);
        double termErrors = 0;
        foreach (T value in x)
        {
            double shifted = double.CreateTruncating(value) - m;
            termErrors += Math.Exp(shifted) / s * (1 + Math.Abs(shifted));
        }

        double j = m + logS;
        return (j, Epsilon * (Math.Abs(j) + Math.Abs(logS) + 2 + termErrors));
    }

    /// <summary>max σ(1 - σ) over the segment, σ = pᵢ monotone in xᵢ: ¼ if it crosses ½, else its value at the end nearer ½.</summary>
    private double SoftplusBound(T[] x, int index, T low, T high)
    {
        T[] moved = (T[])x.Clone();
        moved[index] = low;
        double pLow = TrueGradient(moved)[index];
        moved[index] = high;
        double pHigh = TrueGradient(moved)[index];
        return (pLow - 0.5) * (pHigh - 0.5) <= 0 || double.IsNaN(pLow + pHigh)
            ? 0.25
            : Math.Max(pLow * (1 - pLow), pHigh * (1 - pHigh));
    }

    /// <summary>m = max x and s = Σ exp(xᵢ - m), summed with compensation.</summary>
    private static (double Max, double Sum) Shifted(ReadOnlySpan<T> x)
    {
        double m = double.NegativeInfinity;
        foreach (T value in x)
        {
            m = Math.Max(m, double.CreateTruncating(value));
        }

        var sum = default(CompensatedSum);
        foreach (T value in x)
        {
            sum.Add(Math.Exp(double.CreateTruncating(value) - m));
        }

        return (m, sum.Value);
    }
}
