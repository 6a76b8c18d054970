using System.Globalization;
using System.Numerics;
using GradCheck.Comparison;
using GradCheck.Jacobians;
using GradCheck.Reporting;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// Succeeds when the actual value, a <c>T[,]</c> of shape (outputs, inputs), is the Jacobian of f at x:
/// every entry <c>J[i, j] = ∂f[i]/∂x[j]</c> within the tolerance of a finite-difference estimate (see
/// <see cref="JacobianChecker"/>). On failure the message lists the worst entries as <c>J[2,3]</c>.
/// A Hessian is the Jacobian of the gradient: <c>Is.JacobianOf(gradient).At(x)</c> checks it whole.
/// </summary>
/// <typeparam name="T">The element type: <c>float</c> or <c>double</c>.</typeparam>
public sealed class JacobianConstraint<T> : Constraint, IGradCheckConstraint
    where T : IFloatingPointIeee754<T>
{
    private readonly Func<T[], T[]> f;
    private readonly T[] x;
    private readonly ConstraintModifiers modifiers = new("a Jacobian constraint");

    internal JacobianConstraint(Func<T[], T[]> f, T[] x)
    {
        this.f = f;
        this.x = x;
    }

    /// <inheritdoc />
    public override string Description =>
        string.Create(CultureInfo.InvariantCulture, $"Jacobian of f at x ({x.Length}), J[i,j] = ∂f[i]/∂x[j], each entry {modifiers.Options.Tolerance}");

    /// <summary>
    /// Holds every entry to <c>|a - n| &lt;= tolerance + tolerance * max(|a|, |n|)</c>, instead of the
    /// element type's default: relative for large entries, absolute for entries near 0.
    /// </summary>
    /// <param name="tolerance">Both the absolute and the relative part of the rule.</param>
    /// <exception cref="InvalidOperationException">A tolerance was already given.</exception>
    public JacobianConstraint<T> Within(double tolerance)
    {
        modifiers.Within(GradientTolerance.Within(tolerance));
        return this;
    }

    /// <summary>Holds every entry to <c>|a - n| &lt;= absolute + relative * max(|a|, |n|)</c>.</summary>
    /// <param name="absolute">The absolute part of the rule (atol).</param>
    /// <param name="relative">The relative part of the rule (rtol).</param>
    /// <exception cref="InvalidOperationException">A tolerance was already given.</exception>
    public JacobianConstraint<T> Within(double absolute, double relative)
    {
        modifiers.Within(GradientTolerance.Within(absolute, relative));
        return this;
    }

    /// <summary>Runs the check with these options (a <c>Within</c> given before or after still applies).</summary>
    /// <param name="checkOptions">The options, such as <c>new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint }</c>.</param>
    public JacobianConstraint<T> WithOptions(GradientCheckOptions checkOptions)
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
        T[,] jacobian = JacobianActualValue.As<T[,]>(actual, "the analytic Jacobian, (outputs, inputs) with J[i,j] = ∂f[i]/∂x[j]");
        GradientCheckReport report = ConstraintRun.Check(this, options => JacobianChecker.Check(f, x, jacobian, options));
        return new GradientConstraintResult(this, actual, report);
    }
}
