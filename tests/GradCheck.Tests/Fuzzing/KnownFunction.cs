using System.Globalization;
using System.Numerics;
using GradCheck.Differentiation;

namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// A cost of a flat vector whose true gradient is known, for the fuzzing properties: its value is
/// computed in double, carefully, and rounded once to <typeparamref name="T"/>, and it states a bound on
/// its own error and on the derivatives that make up a finite difference's truncation error, so that a
/// property can say how far the checker's numerical gradient may be from the true one.
/// </summary>
internal abstract class KnownFunction<T>
    where T : IFloatingPointIeee754<T>
{
    protected KnownFunction(int length) => Length = length;

    /// <summary>How many entries the function takes.</summary>
    public int Length { get; }

    /// <summary>J(x) in <typeparamref name="T"/>: not finite when it overflows.</summary>
    public T Cost(T[] x) => T.CreateTruncating(Evaluate(x).Value);

    /// <summary>
    /// A bound on |Cost(x) - J(x)|: the error of the evaluation in double, the final rounding to
    /// <typeparamref name="T"/> (half an ulp of the value, or half the smallest subnormal below the normal
    /// range), all in double.
    /// </summary>
    public double CostError(T[] x)
    {
        (double value, double error) = Evaluate(x);
        return error + (MachineEpsilon.Of<T>() / 2 * Math.Abs(value)) + (double.CreateTruncating(T.Epsilon) / 2);
    }

    /// <summary>∇J(x), in double: exact up to <see cref="GradientError"/>.</summary>
    public abstract double[] TrueGradient(T[] x);

    /// <summary>A bound on the error of entry <paramref name="index"/> of <see cref="TrueGradient"/>.</summary>
    public abstract double GradientError(T[] x, int index);

    /// <summary>The correct gradient as a backward pass in <typeparamref name="T"/> returns it: the true one, rounded.</summary>
    public T[] Gradient(T[] x) => [.. TrueGradient(x).Select(T.CreateTruncating)];

    /// <summary>
    /// A bound on |∂²J/∂xᵢ²| with xᵢ anywhere from <paramref name="low"/> to <paramref name="high"/> and the
    /// other entries as in <paramref name="x"/>: the error of a difference whose two points are not quite symmetric.
    /// </summary>
    public abstract double Curvature(T[] x, int index, T low, T high);

    /// <summary>
    /// A bound on |∂³J/∂xᵢ³|, |∂⁴J/∂xᵢ⁴| and |∂⁵J/∂xᵢ⁵| over the same segment: the truncation error of the
    /// difference rules. Zero unless overridden: linear and quadratic functions have none.
    /// </summary>
    public virtual double HigherDerivatives(T[] x, int index, T low, T high) => 0;

    /// <summary>J(x) in double and a bound on the error of that double.</summary>
    protected abstract (double Value, double Error) Evaluate(ReadOnlySpan<T> x);

    /// <summary>The values round-trip, so a failing case printed by CsCheck can be rebuilt by hand.</summary>
    protected static string Format(IEnumerable<T> values) =>
        "[" + string.Join(", ", values.Select(value => value.ToString("R", CultureInfo.InvariantCulture))) + "]";

    /// <summary>The error bound of a <see cref="CompensatedSum"/> of <paramref name="terms"/> terms, each maybe subnormal.</summary>
    protected static double SumError(CompensatedSum sum, int terms) =>
        (double.Epsilon * terms) + (Math.BitIncrement(1.0) - 1) * (Math.Abs(sum.Value) + (2 * terms * (Math.BitIncrement(1.0) - 1) * sum.Magnitude));
}
