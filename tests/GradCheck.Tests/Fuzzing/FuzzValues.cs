using System.Numerics;
using CsCheck;

namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// Generators of single float or double values by class: zero (either sign), subnormal, tiny, ordinary,
/// huge, overflowing and not finite. The ranges are chosen per type, because what is tiny or huge for a
/// double is out of range for a float.
/// </summary>
/// <remarks>
/// Ranges, as decimal exponents of the magnitude (uniform in the exponent, either sign):
/// <list type="table">
/// <item><term>tiny</term><description>double 1e-300 .. 1e-100, float 1e-37 .. 1e-20 (normal numbers far below 1).</description></item>
/// <item><term>ordinary</term><description>1e-3 .. 1e3 for both.</description></item>
/// <item><term>huge</term><description>double 1e100 .. 1e150, float 1e10 .. 1e15: so large that a perturbation of an
/// ordinary entry is lost in the cost's rounding, yet small enough that every <see cref="KnownFunction{T}"/> with
/// ordinary coefficients, and its values at x ± 4h, stay finite (a quadratic's ½ a x² with |a| &lt;= 1e3 and 64
/// entries is at most 3.2e304 in double and 3.2e34 in float).</description></item>
/// <item><term>overflowing</term><description>double 1e150 .. max, float 1e15 .. max: the cost, or its value at a
/// perturbed point, may overflow.</description></item>
/// </list>
/// Subnormals are drawn by their bit patterns, so every subnormal is possible, down to the smallest.
/// </remarks>
internal static class FuzzValues<T>
    where T : IFloatingPointIeee754<T>
{
    private static readonly bool IsFloat = typeof(T) == typeof(float);

    /// <summary>The largest finite value (the generic math interfaces do not expose MaxValue).</summary>
    public static readonly T Largest = IsFloat ? T.CreateTruncating(float.MaxValue) : T.CreateTruncating(double.MaxValue);

    /// <summary>+0 or -0.</summary>
    public static readonly Gen<T> Zero = Gen.Bool.Select(negative => negative ? T.NegativeZero : T.Zero);

    /// <summary>Any subnormal number, either sign.</summary>
    public static readonly Gen<T> Subnormal = IsFloat
        ? Gen.Select(Gen.Int[1, 0x7F_FFFF], Gen.Bool, (bits, negative) => Signed(T.CreateTruncating(BitConverter.Int32BitsToSingle(bits)), negative))
        : Gen.Select(Gen.Long[1, 0xF_FFFF_FFFF_FFFF], Gen.Bool, (bits, negative) => Signed(T.CreateTruncating(BitConverter.Int64BitsToDouble(bits)), negative));

    /// <summary>Normal numbers far below 1.</summary>
    public static readonly Gen<T> Tiny = IsFloat ? Magnitude(-37, -20) : Magnitude(-300, -100);

    /// <summary>Numbers from 1e-3 to 1e3.</summary>
    public static readonly Gen<T> Ordinary = Magnitude(-3, 3);

    /// <summary>Huge numbers at which every known function is still finite, also at x ± 4h.</summary>
    public static readonly Gen<T> Huge = IsFloat ? Magnitude(10, 15) : Magnitude(100, 150);

    /// <summary>Numbers up to the largest finite one, at which a cost may overflow.</summary>
    public static readonly Gen<T> Overflowing = IsFloat ? Magnitude(15, 38.6) : Magnitude(150, 308.3);

    /// <summary>NaN and the infinities.</summary>
    public static readonly Gen<T> NotFinite = Gen.OneOf(T.NaN, T.PositiveInfinity, T.NegativeInfinity);

    /// <summary>The edges of the type: its largest and smallest finite numbers, the smallest subnormal, ±1.</summary>
    public static readonly Gen<T> Edges = Gen.OneOf(Largest, -Largest, T.Epsilon, -T.Epsilon, T.One, -T.One, T.BitDecrement(Largest));

    /// <summary>
    /// Values at which a known function and its neighbourhood are finite: mostly ordinary, with zero,
    /// subnormal, tiny and huge values mixed in.
    /// </summary>
    public static readonly Gen<T> Finite = Gen.Frequency(
        (1, Zero),
        (1, Subnormal),
        (1, Tiny),
        (6, Ordinary),
        (1, Huge));

    /// <summary>
    /// The same without huge values: one huge entry makes the cost so large that a change to any
    /// ordinary entry's gradient is below what a finite difference can resolve, which a property that
    /// plants mistakes under the automatic rule needs to avoid.
    /// </summary>
    public static readonly Gen<T> Moderate = Gen.Frequency(
        (1, Zero),
        (1, Subnormal),
        (1, Tiny),
        (7, Ordinary));

    /// <summary>Finite values that include overflowing ones.</summary>
    public static readonly Gen<T> MayOverflow = Gen.Frequency(
        (1, Zero),
        (1, Subnormal),
        (1, Tiny),
        (4, Ordinary),
        (1, Huge),
        (3, Overflowing),
        (1, Edges.Where(value => T.IsFinite(value))));

    /// <summary>Anything, NaN and the infinities included.</summary>
    public static readonly Gen<T> Any = Gen.Frequency(
        (1, Zero),
        (1, Subnormal),
        (1, Tiny),
        (4, Ordinary),
        (1, Huge),
        (1, Overflowing),
        (1, Edges),
        (1, NotFinite));

    /// <summary>Coefficients of the known functions: ordinary, sometimes exactly zero.</summary>
    public static readonly Gen<T> Coefficient = Gen.Frequency((1, Zero), (9, Ordinary));

    /// <summary>Uniform in the decimal exponent from <paramref name="lowest"/> to <paramref name="highest"/>, either sign, at most the largest finite value.</summary>
    private static Gen<T> Magnitude(double lowest, double highest) =>
        Gen.Select(Gen.Double[lowest, highest], Gen.Bool, (exponent, negative) =>
        {
            T value = T.CreateTruncating(Math.Pow(10, exponent));
            return Signed(T.IsFinite(value) ? value : Largest, negative);
        });

    private static T Signed(T magnitude, bool negative) => negative ? -magnitude : magnitude;
}
