using System.Globalization;
using System.Numerics;
using CsCheck;

namespace GradCheck.Tests.Fuzzing;

/// <summary>What a cost does besides computing a known function, in the property that nothing crashes.</summary>
internal enum CostBehaviour
{
    /// <summary>Computes the function, which may overflow.</summary>
    Known,

    /// <summary>NaN everywhere.</summary>
    NaN,

    /// <summary>+∞ everywhere.</summary>
    Infinity,

    /// <summary>NaN wherever theta has moved, the function at the point itself.</summary>
    NaNAwayFromThePoint,

    /// <summary>Throws InvalidOperationException at the evaluation numbered <see cref="AnyInput{T}.Trigger"/>.</summary>
    Throws,

    /// <summary>Throws OperationCanceledException at that evaluation, as a cancelled test would.</summary>
    Cancels,

    /// <summary>Adds a little more at every evaluation, as dropout left on would.</summary>
    NotDeterministic,

    /// <summary>Moves the first entry of the vector it is given at that evaluation.</summary>
    ModifiesItsInput,
}

/// <summary>
/// Any input to a flat check: theta of 0 to 64 entries with NaN, infinities, subnormals and the largest
/// values among them, a gradient that may be of another length or not finite, a cost that may misbehave,
/// and options that may be out of range.
/// </summary>
internal sealed record AnyInput<T>(
    T[] Theta,
    T[] GradientValues,
    bool CorrectGradient,
    KnownFunction<T> Function,
    CostBehaviour Behaviour,
    int Trigger,
    OptionsDraw Options)
    where T : IFloatingPointIeee754<T>
{
    /// <summary>A theta length from 0 to 64, and a gradient length that is mostly the same.</summary>
    private static readonly Gen<(int Theta, int Gradient)> Lengths =
        from length in Gen.Frequency((1, Gen.Const(0)), (2, Gen.Const(1)), (12, Gen.Int[2, FuzzCases<T>.MaxLength]))
        from change in Gen.Frequency((12, Gen.Const(0)), (1, Gen.Const(-1)), (1, Gen.Const(1)), (1, Gen.Int[-FuzzCases<T>.MaxLength, FuzzCases<T>.MaxLength]))
        select (length, Math.Max(0, length + change));

    public static readonly Gen<AnyInput<T>> Any =
        from lengths in Lengths
        from function in FuzzCases<T>.Function(lengths.Theta)
        from anyValues in Gen.Frequency((3, Gen.Const(false)), (1, Gen.Const(true)))
        from theta in (anyValues ? FuzzValues<T>.Any : FuzzValues<T>.MayOverflow).Array[lengths.Theta]
        from gradient in FuzzValues<T>.Any.Array[lengths.Gradient]
        from correct in Gen.Bool
        from behaviour in Gen.Frequency((8, Gen.Const(CostBehaviour.Known)), (7, Gen.Enum<CostBehaviour>()))
        from trigger in Gen.Int[1, 3 + (6 * lengths.Theta) + 3]
        from options in OptionsDraw.Any
        select new AnyInput<T>(theta, gradient, correct, function, behaviour, trigger, options);

    /// <summary>The gradient to check: the function's correct one where lengths allow and <see cref="CorrectGradient"/> says so, else the drawn values.</summary>
    public T[] Gradient() => CorrectGradient && GradientValues.Length == Theta.Length ? Function.Gradient(Theta) : GradientValues;

    public override string ToString() =>
        $"{Function}, {Behaviour} at evaluation {Trigger}, theta = {Format(Theta)}, gradient = {(CorrectGradient && GradientValues.Length == Theta.Length ? "correct" : Format(GradientValues))}, {Options}";

    private static string Format(T[] values) =>
        "[" + string.Join(", ", values.Select(value => value.ToString("R", CultureInfo.InvariantCulture))) + "]";
}
