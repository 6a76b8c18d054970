using System.Globalization;

namespace GradCheck;

/// <summary>
/// The pass rule for one entry, with a the analytic (backprop) value and n the numerical one.
/// <list type="bullet">
/// <item><see cref="Automatic"/> (the default): <c>|a - n| &lt;= 2 e(n) + 128 ε (max(|a|, |n|) + max|n|)</c>,
/// where e(n) is the estimated error of n (truncation and round-off, measured per entry), ε the machine
/// epsilon of the element type, and max|n| the largest numerical derivative in the tensor. The first
/// term is the numerical side's uncertainty, the second the analytic side's round-off, relative to the
/// entry and to the magnitudes flowing through the tensor's backward pass.</item>
/// <item><see cref="Within(double, double)"/>: <c>|a - n| &lt;= atol + rtol * max(|a|, |n|)</c>, exactly.</item>
/// </list>
/// Either way NaN or infinity in a or n fails, and a = n = 0 passes.
/// </summary>
public sealed record GradientTolerance
{
    /// <summary>How many times its estimated error n may be off under the automatic rule.</summary>
    public const double ErrorEstimateFactor = 2.0;

    /// <summary>
    /// How many ulps of round-off the analytic gradient may carry under the automatic rule: 2^7 ε is
    /// 1.5e-5 in float and 2.8e-14 in double, far below a 1% mistake and far above a careful backward
    /// pass's rounding.
    /// </summary>
    public const double AnalyticUlps = 128.0;

    private GradientTolerance(double absolute, double relative, bool isAutomatic)
    {
        ThrowIfNotUsable(absolute, nameof(absolute));
        ThrowIfNotUsable(relative, nameof(relative));
        Absolute = absolute;
        Relative = relative;
        IsAutomatic = isAutomatic;
    }

    /// <summary>The default: every entry's bound derives from its own estimated numerical error.</summary>
    public static GradientTolerance Automatic { get; } = new(0, 0, isAutomatic: true);

    /// <summary>The absolute part of a stated rule (atol); 0 for <see cref="Automatic"/>.</summary>
    public double Absolute { get; }

    /// <summary>The relative part of a stated rule (rtol); 0 for <see cref="Automatic"/>.</summary>
    public double Relative { get; }

    /// <summary>Whether this is the <see cref="Automatic"/> rule.</summary>
    public bool IsAutomatic { get; }

    /// <summary>The rule with <c>atol = rtol = tolerance</c>: relative for large entries, absolute near 0.</summary>
    /// <param name="tolerance">Both parts of the rule; finite and not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative, NaN or infinite.</exception>
    public static GradientTolerance Within(double tolerance) => new(tolerance, tolerance, isAutomatic: false);

    /// <summary>The rule <c>|a - n| &lt;= absolute + relative * max(|a|, |n|)</c>.</summary>
    /// <param name="absolute">The absolute part (atol); finite and not negative.</param>
    /// <param name="relative">The relative part (rtol); finite and not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is negative, NaN or infinite.</exception>
    public static GradientTolerance Within(double absolute, double relative) => new(absolute, relative, isAutomatic: false);

    /// <summary>
    /// The largest |a - n| this rule allows for one entry.
    /// </summary>
    /// <param name="largest">max(|a|, |n|).</param>
    /// <param name="numericError">The estimated error of n.</param>
    /// <param name="tensorScale">The largest |n| in the tensor.</param>
    /// <param name="machineEpsilon">ε of the element type.</param>
    internal double Bound(double largest, double numericError, double tensorScale, double machineEpsilon) =>
        IsAutomatic
            ? (ErrorEstimateFactor * numericError) + (AnalyticUlps * machineEpsilon * (largest + tensorScale))
            : Absolute + (Relative * largest);

    /// <summary>The rule as a formula, such as <c>|a - n| &lt;= 1e-07 + 1e-07 * max(|a|, |n|)</c>.</summary>
    public override string ToString() => IsAutomatic
        ? "|a - n| <= 2 e(n) + 128 ε (max(|a|, |n|) + max|n| in the tensor), e(n) the estimated error of n"
        : string.Create(CultureInfo.InvariantCulture, $"|a - n| <= {Absolute:0.##e+00} + {Relative:0.##e+00} * max(|a|, |n|)");

    private static void ThrowIfNotUsable(double part, string name)
    {
        if (!double.IsFinite(part) || part < 0)
        {
            throw new ArgumentOutOfRangeException(name, part, "A tolerance must be finite and not negative.");
        }
    }
}
