using System.Globalization;
using System.Numerics;
using GradCheck.Differentiation;

namespace GradCheck.Comparison;

/// <summary>
/// The pass rule for one entry, with a the analytic (backprop) value and n the numerical one:
/// <c>|a - n| &lt;= Absolute + Relative * max(|a|, |n|)</c>, plus, when <see cref="AllowsRoundOff"/>,
/// the estimated round-off error of n. NaN or infinity in a or n always fails, and a = n = 0 passes.
/// </summary>
/// <remarks>
/// The relative term judges large entries by their own size; the absolute term keeps entries whose
/// true derivative is about 0 (dead ReLU units, cancelling terms) from failing on the numerical
/// derivative's truncation error; the round-off term scales with the cost, so a cost of 1e6 does not
/// need a looser rule than a cost of 1.
/// </remarks>
public sealed record GradientTolerance
{
    /// <summary>Default relative tolerance for double: the central difference is good to ~1e-10 relative.</summary>
    public const double DoubleRelative = 1e-6;

    /// <summary>Default absolute tolerance for double: covers truncation h²|J'''|/6 ≈ 6e-12 |J'''| for |J'''| up to ~1e3.</summary>
    public const double DoubleAbsolute = 1e-8;

    /// <summary>Default relative tolerance for float: a float cost resolves ~1e-4 of a derivative, so 1e-3 still fails a 1% error.</summary>
    public const double SingleRelative = 1e-3;

    /// <summary>Default absolute tolerance for float: covers truncation h²|J'''|/6 ≈ 4e-6 |J'''| for |J'''| up to ~2.</summary>
    public const double SingleAbsolute = 1e-5;

    /// <summary>Creates the rule <c>|a - n| &lt;= absolute + relative * max(|a|, |n|)</c>.</summary>
    /// <param name="absolute">The absolute part, in the gradient's units; finite and not negative.</param>
    /// <param name="relative">The relative part; finite and not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is negative, NaN or infinite.</exception>
    public GradientTolerance(double absolute, double relative)
    {
        ThrowIfNotUsable(absolute);
        ThrowIfNotUsable(relative);
        Absolute = absolute;
        Relative = relative;
    }

    /// <summary>The absolute part of the rule (atol).</summary>
    public double Absolute { get; }

    /// <summary>The relative part of the rule (rtol).</summary>
    public double Relative { get; }

    /// <summary>
    /// Whether each entry's bound also includes the estimated round-off error of its numerical
    /// derivative. True for the defaults; false for a tolerance the user states with <see cref="Within(double)"/>,
    /// which then means exactly what it says.
    /// </summary>
    public bool AllowsRoundOff { get; init; }

    /// <summary>The rule with <c>atol = rtol = tolerance</c>: relative for large entries, absolute near 0.</summary>
    /// <param name="tolerance">Both parts of the rule; finite and not negative.</param>
    public static GradientTolerance Within(double tolerance) => new(tolerance, tolerance);

    /// <summary>The rule with separate absolute and relative parts.</summary>
    /// <param name="absolute">The absolute part (atol).</param>
    /// <param name="relative">The relative part (rtol).</param>
    public static GradientTolerance Within(double absolute, double relative) => new(absolute, relative);

    /// <summary>
    /// The default for an element type, with the round-off allowance: double 1e-8 + 1e-6 * max(|a|, |n|);
    /// float 1e-5 + 1e-3 * max(|a|, |n|); any other type sqrt(ε) for both parts.
    /// </summary>
    public static GradientTolerance DefaultFor<T>()
        where T : IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            return new GradientTolerance(DoubleAbsolute, DoubleRelative) { AllowsRoundOff = true };
        }

        if (typeof(T) == typeof(float))
        {
            return new GradientTolerance(SingleAbsolute, SingleRelative) { AllowsRoundOff = true };
        }

        double rootEpsilon = Math.Sqrt(MachineEpsilon.Of<T>());
        return new GradientTolerance(rootEpsilon, rootEpsilon) { AllowsRoundOff = true };
    }

    /// <summary>The rule as a formula, with its numbers: <c>|a - n| &lt;= 1e-07 + 1e-07 * max(|a|, |n|)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"|a - n| <= {Absolute:0.##e+00} + {Relative:0.##e+00} * max(|a|, |n|)") +
        (AllowsRoundOff ? " + round-off(n)" : string.Empty);

    private static void ThrowIfNotUsable(double part, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(part))] string? name = null)
    {
        if (!double.IsFinite(part) || part < 0)
        {
            throw new ArgumentOutOfRangeException(name, part, "A tolerance must be finite and not negative.");
        }
    }
}
