using System.Globalization;
using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Jacobians;
using GradCheck.Reporting;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// Succeeds when the actual value, a <c>T[]</c> as long as x, is the Hessian-vector product H v at x,
/// with H the Jacobian of the gradient function g: every entry within the tolerance of a finite
/// difference of g along v (see <see cref="HessianVectorProductChecker"/>). On failure the message lists
/// the worst entries as <c>Hv[3]</c>.
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
public sealed class HessianVectorProductConstraint<T> : Constraint, IGradCheckConstraint
    where T : IFloatingPointIeee754<T>
{
    private readonly Func<T[], T[]> gradient;
    private readonly T[] x;
    private readonly T[] v;
    private readonly ConstraintModifiers modifiers = new("a Hessian-vector product constraint");

    internal HessianVectorProductConstraint(Func<T[], T[]> gradient, T[] x, T[] v)
    {
        this.gradient = gradient;
        this.x = x;
        this.v = v;
    }

    /// <inheritdoc />
    public override string Description =>
        string.Create(CultureInfo.InvariantCulture, $"Hessian-vector product H v of the gradient g at x ({x.Length}) along v, Hv[i] = d/dt g(x + t v)[i] at t = 0, each entry {modifiers.Options.Tolerance}");

    /// <summary>
    /// Holds every entry to <c>|a - n| &lt;= tolerance + tolerance * max(|a|, |n|)</c>, instead of the
    /// element type's default: relative for large entries, absolute for entries near 0.
    /// </summary>
    /// <param name="tolerance">Both the absolute and the relative part of the rule.</param>
    /// <exception cref="InvalidOperationException">A tolerance was already given.</exception>
    public HessianVectorProductConstraint<T> Within(double tolerance)
    {
        modifiers.Within(GradientTolerance.Within(tolerance));
        return this;
    }

    /// <summary>Holds every entry to <c>|a - n| &lt;= absolute + relative * max(|a|, |n|)</c>.</summary>
    /// <param name="absolute">The absolute part of the rule (atol).</param>
    /// <param name="relative">The relative part of the rule (rtol).</param>
    /// <exception cref="InvalidOperationException">A tolerance was already given.</exception>
    public HessianVectorProductConstraint<T> Within(double absolute, double relative)
    {
        modifiers.Within(GradientTolerance.Within(absolute, relative));
        return this;
    }

    /// <summary>Runs the check with these options (a <c>Within</c> given before or after still applies).</summary>
    /// <param name="checkOptions">The options, such as <c>new GradientCheckOptions { WorstEntriesShown = 20 }</c>.</param>
    public HessianVectorProductConstraint<T> WithOptions(GradientCheckOptions checkOptions)
    {
        ArgumentNullException.ThrowIfNull(checkOptions);
        modifiers.With(checkOptions);
        return this;
    }

    /// <inheritdoc />
    ConstraintModifiers IGradCheckConstraint.Modifiers => modifiers;

    /// <inheritdoc />
    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        T[] product = JacobianActualValue.As<T[]>(actual, "the analytic Hessian-vector product H v, as long as x");
        GradientCheckReport report = ConstraintRun.Check(this, options => HessianVectorProductChecker.Check(gradient, x, v, product, options));
        return new GradientConstraintResult(this, actual, report);
    }
}
