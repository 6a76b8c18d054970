using System.Numerics;

namespace GradCheck.Tests.Fuzzing;

/// <summary>J(x) = c · x + b, whose gradient c is exact in any type and whose finite differences have no truncation error.</summary>
internal sealed class LinearFunction<T>(T[] c, T b) : KnownFunction<T>(c.Length)
    where T : IFloatingPointIeee754<T>
{
    public override double[] TrueGradient(T[] x) => [.. c.Select(double.CreateTruncating)];

    public override double GradientError(T[] x, int index) => 0;

    public override double Curvature(T[] x, int index, T low, T high) => 0;

    public override string ToString() => $"linear c = {Format(c)}, b = {Format([b])}";

    protected override (double Value, double Error) Evaluate(ReadOnlySpan<T> x)
    {
        var sum = default(CompensatedSum);
        sum.Add(double.CreateTruncating(b));
        for (int i = 0; i < x.Length; i++)
        {
            sum.AddProduct(double.CreateTruncating(c[i]), double.CreateTruncating(x[i]));
        }

        return (sum.Value, SumError(sum, x.Length + 1));
    }
}
