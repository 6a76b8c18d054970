namespace GradCheck.Reporting;

/// <summary>One entry of a tensor, with both gradients and how far apart they are.</summary>
/// <param name="Label">The entry as the user indexes it, such as <c>W1[3,2]</c>.</param>
/// <param name="FlatIndex">The row-major position of the entry in its tensor.</param>
/// <param name="Analytic">The gradient the backward pass returned (a).</param>
/// <param name="Numeric">The finite-difference estimate (n).</param>
/// <param name="AbsoluteError">|a - n|.</param>
/// <param name="RelativeError">|a - n| / max(|a|, |n|), 0 when both are 0.</param>
/// <param name="Bound">The largest |a - n| the pass rule allows for this entry.</param>
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
    /// <summary>Whether the entry passed the rule.</summary>
    public bool Passed => Outcome == EntryOutcome.WithinTolerance;
}
