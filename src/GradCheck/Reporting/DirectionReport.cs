namespace GradCheck.Reporting;

/// <summary>
/// One random direction of a fast check (<see cref="CheckCoverage.RandomDirections"/>): the
/// derivative of the cost along u against the analytic prediction a · u.
/// </summary>
/// <param name="Analytic">a · u, the backward pass's prediction of the derivative along u.</param>
/// <param name="Numeric">d/dt J(x + t u) at t = 0, by the options' difference rule.</param>
/// <param name="AbsoluteError">|a · u - n|; where the cost has a kink along u, the distance of a · u from the one-sided derivatives.</param>
/// <param name="Bound">The largest error the rule allows: the rule applied to a · u, with the round-off of the dot product's terms.</param>
/// <param name="Outcome">Whether the direction passed, and if not, why.</param>
public sealed record DirectionReport(double Analytic, double Numeric, double AbsoluteError, double Bound, EntryOutcome Outcome)
{
    /// <summary>Whether a · u agrees with the cost's derivative along u (a kink with a valid subgradient passes).</summary>
    public bool Passed => EntryReport.Passes(Outcome);
}
