namespace GradCheck.NUnit;

/// <summary>A constraint of this package: it runs a check with the options its modifiers hold.</summary>
internal interface IGradCheckConstraint
{
    /// <summary>The tolerance, the options, and whether the constraint follows an operator.</summary>
    ConstraintModifiers Modifiers { get; }
}
