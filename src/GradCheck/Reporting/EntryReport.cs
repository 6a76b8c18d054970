namespace GradCheck.Reporting;

/// <summary>One entry of a tensor, with both gradients and how far apart they are.</summary>
/// <param name="Label">The entry as the user indexes it, such as <c>W1[3,2]</c>.</param>
/// <param name="FlatIndex">The row-major position of the entry in its tensor.</param>
/// <param name="Analytic">The gradient the backward pass returned (a).</param>
/// <param name="Numeric">The finite-difference estimate (n).</param>
/// <param name="AbsoluteError">
/// |a - n|; at a kink, the distance from a to the interval of the one-sided derivatives.
/// </param>
/// <param name="RelativeError">The absolute error over max(|a|, |n|), 0 when both are 0.</param>
/// <param name="Bound">The largest error the pass rule allows for this entry.</param>
/// <param name="Outcome">Whether the entry passed, and if not, why.</param>
public sealed record EntryReport(
    string Label,
    int FlatIndex,
    double Analytic,
    double Numeric,
    double AbsoluteError,
    double RelativeError,
    double Bound,
    EntryOutcome Outcome)
{
    /// <summary>The entry as the user indexes it, such as <c>W1[3,2]</c>.</summary>
    public string Label { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = Label ?? throw new ArgumentNullException(nameof(Label));

    /// <summary>The smallest one-sided derivative around the entry, or NaN where the method computes none.</summary>
    public double OneSidedLow { get; init; } = double.NaN;

    /// <summary>The largest one-sided derivative around the entry, or NaN where the method computes none.</summary>
    public double OneSidedHigh { get; init; } = double.NaN;

    /// <summary>
    /// Which point nudged off the ties the values and the verdict are those of (1, 2, ...): the entry was
    /// not checkable at the given point (kinks may meet) and was re-checked there. 0 for the given point.
    /// </summary>
    internal int NudgedPoint { get; init; }

    /// <summary>Whether the entry passed the rule (a kink with a valid subgradient passes).</summary>
    public bool Passed => Passes(Outcome);

    /// <summary>Whether the entry failed the rule; an entry that was not checked neither passed nor failed.</summary>
    public bool Failed => Fails(Outcome);

    /// <summary>The pass rule on outcomes, for every place that asks: within tolerance, or a valid subgradient at a kink.</summary>
    internal static bool Passes(EntryOutcome outcome) => outcome is EntryOutcome.WithinTolerance or EntryOutcome.Kink;

    /// <summary>Whether an outcome is a failure: neither a pass nor an entry left unchecked.</summary>
    internal static bool Fails(EntryOutcome outcome) => !Passes(outcome) && outcome is not (EntryOutcome.NotChecked or EntryOutcome.NotCheckable);
}
