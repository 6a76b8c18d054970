using System.Numerics;

namespace GradCheck.Differentiation;

/// <summary>
/// The machine epsilon of an element type: the distance from 1 to the next representable number
/// (2^-52 for double, 2^-23 for float). Not <c>T.Epsilon</c>, which in .NET is the smallest subnormal.
/// </summary>
internal static class MachineEpsilon
{
    /// <summary>The machine epsilon of <typeparamref name="T"/>, as a double.</summary>
    public static double Of<T>()
        where T : IFloatingPointIeee754<T> =>
        double.CreateTruncating(T.BitIncrement(T.One) - T.One);
}
