using System.Numerics;

namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// J(x) = Σ ½ aᵢ xᵢ² + cᵢ xᵢ + b, with aᵢ of either sign: gradient aᵢ xᵢ + cᵢ. Central differences of a
/// quadratic have no truncation error, only the ½ aᵢ (α - β) of points x + α, x - β that rounding made
/// not quite symmetric.
/// </summary>
internal sealed class QuadraticFunction<T>(T[] a, T[] c, T b) : KnownFunction<T>(a.Length)
    where T : IFloatingPointIeee754<T>
{
    public override double[] TrueGradient(T[] x) =>
        [.. x.Select((value, i) => Math.FusedMultiplyAdd(double.CreateTruncating(a[i]), double.CreateTruncating(value), double.CreateTruncating(c[i])))];

    /// <summary>The fused multiply-add rounds once.</summary>
    public override double GradientError(T[] x, int index) =>
        (Math.BitIncrement(1.0) - 1) * Math.Abs(TrueGradient(x)[index]) + double.Epsilon;

    public override double Curvature(T[] x, int index, T low, T high) => Math.Abs(double.CreateTruncating(a[index]));

    public override string ToString() => $"quadratic a = {Format(a)}, c = {Format(c)}, b = {Format([b])}";

    protected override (double Value, double Error) Evaluate(ReadOnlySpan<T> x)
    {
        var sum = default(CompensatedSum);
        sum.Add(double.CreateTruncating(b));
        for (int i = 0; i < x.Length; i++)
        {
            double xi = double.CreateTruncating(x[i]);
            double ai = double.CreateTruncating(a[i]);

            // ½ a x² = ½ (a x) x, with a x split exactly into its rounded value and its rounding error.
            double ax = ai * xi;
            sum.AddProduct(ax / 2, xi);
            sum.AddProduct(Math.FusedMultiplyAdd(ai, xi, -ax) / 2, xi);
            sum.AddProduct(double.CreateTruncating(c[i]), xi);
        }

        return (sum.Value, SumError(sum, (3 * x.Length) + 1));
    }
}
