using System.Globalization;
using System.Numerics;

namespace GradCheck.Tests.Fuzzing;

/// <summary>A known function and the point at which its gradient is checked.</summary>
internal sealed record FunctionCase<T>(KnownFunction<T> Function, T[] Theta)
    where T : IFloatingPointIeee754<T>
{
    /// <summary>The correct analytic gradient, rounded to <typeparamref name="T"/>.</summary>
    public T[] Gradient() => Function.Gradient(Theta);

    /// <summary>The cost as the checker calls it.</summary>
    public T Cost(T[] x) => Function.Cost(x);

    /// <summary>Printed by CsCheck for a failing case: the function, then theta with round-trip values.</summary>
    public override string ToString() =>
        $"{Function} at theta = [{string.Join(", ", Theta.Select(value => value.ToString("R", CultureInfo.InvariantCulture)))}]";
}
