namespace GradCheck.Tests.Fuzzing;

/// <summary>
/// How many generated cases each fuzzing property runs in CI, per element type (float and double) and,
/// where a property takes one, per difference rule: the figures the README quotes. Chosen so that the
/// whole Fuzzing namespace runs in well under a minute in Debug on two cores; GradCheck_FuzzScale
/// multiplies them for a longer run (see <see cref="Fuzz"/>).
/// </summary>
internal static class FuzzBudget
{
    /// <summary>Correct gradients of known functions pass the automatic rule (per type and rule).</summary>
    public const int CorrectGradients = 500;

    /// <summary>Planted mistakes beyond a stated tolerance fail, entries within it pass (per type and rule).</summary>
    public const int StatedTolerance = 500;

    /// <summary>Planted relative mistakes of 1% (double) or 5% (float) fail the automatic rule (per type and rule).</summary>
    public const int AutomaticTolerance = 500;

    /// <summary>NaN or infinity in the analytic gradient fails those entries and changes no other (per type).</summary>
    public const int NonFiniteGradients = 400;

    /// <summary>Costs that overflow fail, naming the value that is not finite, never a wrong one (per type and rule).</summary>
    public const int OverflowingCosts = 400;

    /// <summary>Any input gives a report or a documented exception (per type).</summary>
    public const int AnyInput = 1_500;

    /// <summary>Parameters and gradients are unchanged bit for bit after every check, thrown and cancelled ones included (per type).</summary>
    public const int Restoration = 1_000;

    /// <summary>The same inputs and options give the same text and HTML report, on one worker or several (per type).</summary>
    public const int Determinism = 200;

    /// <summary>Every case CI runs: the properties above, over float and double, and over both rules where they take one.</summary>
    public const int Total = 2 * ((2 * (CorrectGradients + StatedTolerance + AutomaticTolerance + OverflowingCosts)) + NonFiniteGradients + AnyInput + Restoration + Determinism);
}
