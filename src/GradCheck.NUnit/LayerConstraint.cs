using GradCheck.Comparison;
using GradCheck.Layers;
using GradCheck.Reporting;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// Succeeds when a layer's backward pass is the gradient of its forward pass: the input gradient and
/// every parameter gradient it gives for a seeded random upstream gradient dy are the gradient of
/// J = &lt;dy, f(x)&gt;. The actual value is a <see cref="LayerUnderTest{TInput, TOutput}"/>, made with
/// <see cref="Layer.Of{TInput, TOutput}"/>.
/// </summary>
public sealed class LayerConstraint : Constraint, IGradCheckConstraint
{
    private readonly ConstraintModifiers modifiers = new("a layer constraint");

    /// <inheritdoc />
    public override string Description =>
        $"a backward pass that is the gradient of the forward pass, each entry {modifiers.Options.Tolerance}";

    /// <summary>Holds every entry to <c>|a - n| &lt;= tolerance + tolerance * max(|a|, |n|)</c>.</summary>
    /// <param name="tolerance">Both the absolute and the relative part of the rule.</param>
    /// <exception cref="InvalidOperationException">A tolerance was already given.</exception>
    public LayerConstraint Within(double tolerance)
    {
        modifiers.Within(GradientTolerance.Within(tolerance));
        return this;
    }

    /// <summary>Holds every entry to <c>|a - n| &lt;= absolute + relative * max(|a|, |n|)</c>.</summary>
    /// <param name="absolute">The absolute part of the rule (atol).</param>
    /// <param name="relative">The relative part of the rule (rtol).</param>
    /// <exception cref="InvalidOperationException">A tolerance was already given.</exception>
    public LayerConstraint Within(double absolute, double relative)
    {
        modifiers.Within(GradientTolerance.Within(absolute, relative));
        return this;
    }

    /// <summary>Runs the check with these options (a <c>Within</c> given before or after still applies).</summary>
    /// <param name="checkOptions">The options.</param>
    public LayerConstraint WithOptions(GradientCheckOptions checkOptions)
    {
        ArgumentNullException.ThrowIfNull(checkOptions);
        modifiers.With(checkOptions);
        return this;
    }

    /// <inheritdoc />
    ConstraintModifiers IGradCheckConstraint.Modifiers => modifiers;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The actual value is not a layer made with <see cref="Layer.Of{TInput, TOutput}"/>.</exception>
    public override ConstraintResult ApplyTo<TActual>(TActual actual)
    {
        if (actual is not ILayerUnderTest layer)
        {
            throw new ArgumentException(
                $"Has.CorrectBackward applies to a layer made with Layer.Of(x, layer.Forward, layer.Backward), not to {(actual is null ? "null" : "a " + actual.GetType().Name)}.",
                nameof(actual));
        }

        GradientCheckReport report = ConstraintRun.Check(this, layer.Check);
        return new GradientConstraintResult(this, actual, report);
    }
}
