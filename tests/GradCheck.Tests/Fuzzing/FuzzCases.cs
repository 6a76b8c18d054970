using System.Numerics;
using CsCheck;

namespace GradCheck.Tests.Fuzzing;

/// <summary>Generators of known functions and of the points they are checked at.</summary>
internal static class FuzzCases<T>
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The longest theta: two of the checker's chunks of 32 entries, and every SIMD remainder below.</summary>
    public const int MaxLength = 64;

    /// <summary>1..64 entries; a single entry (a tensor whose largest |n| is its only |n|) an eighth of the time.</summary>
    public static readonly Gen<int> Length = Gen.Frequency((1, Gen.Const(1)), (7, Gen.Int[1, MaxLength]));

    /// <summary>A linear, quadratic or log-sum-exp function of <paramref name="length"/> entries with ordinary coefficients.</summary>
    public static Gen<KnownFunction<T>> Function(int length)
    {
        Gen<T[]> coefficients = FuzzValues<T>.Coefficient.Array[length];
        return Gen.OneOf<KnownFunction<T>>(
            Gen.Select(coefficients, FuzzValues<T>.Coefficient, (c, b) => (KnownFunction<T>)new LinearFunction<T>(c, b)),
            Gen.Select(coefficients, coefficients, FuzzValues<T>.Coefficient, (a, c, b) => (KnownFunction<T>)new QuadraticFunction<T>(a, c, b)),
            Gen.Const<KnownFunction<T>>(new LogSumExpFunction<T>(length)));
    }

    /// <summary>A known function and a point whose entries come from <paramref name="values"/>.</summary>
    public static Gen<FunctionCase<T>> Cases(Gen<T> values) =>
        from length in Length
        from function in Function(length)
        from theta in values.Array[length]
        select new FunctionCase<T>(function, theta);

    /// <summary>Cases at which every known function and its neighbourhood are finite (<see cref="FuzzValues{T}.Finite"/>).</summary>
    public static readonly Gen<FunctionCase<T>> Finite = Cases(FuzzValues<T>.Finite);

    /// <summary>Cases without huge values (<see cref="FuzzValues{T}.Moderate"/>).</summary>
    public static readonly Gen<FunctionCase<T>> Moderate = Cases(FuzzValues<T>.Moderate);
}
