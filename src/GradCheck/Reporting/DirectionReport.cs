namespace GradCheck.Reporting;

/// <summary>
/// One random direction of a fast check (<see cref="CheckCoverage.RandomDirections"/>): the
/// derivative of the cost along u against the analytic prediction a · u.
/// </summary>
public sealed class DirectionReport
{
    /// <param name="analytic">a · u.</param>
    /// <param name="numeric">d/dt J(x + t u) at t = 0.</param>
    /// <param name="absoluteError">|a · u - n|, or the distance from the one-sided derivatives at a kink.</param>
    /// <param name="bound">The largest error the rule allows.</param>
    /// <param name="outcome">Whether the direction passed, and if not, why.</param>
    internal DirectionReport(double analytic, double numeric, double absoluteError, double bound, EntryOutcome outcome)
    {
        Analytic = analytic;
        Numeric = numeric;
        AbsoluteError = absoluteError;
        Bound = bound;
        Outcome = outcome;
    }

    /// <summary>a · u, the backward pass's prediction of the derivative along u.</summary>
    public double Analytic { get; }

    /// <summary>d/dt J(x + t u) at t = 0, by the options' difference rule.</summary>
    public double Numeric { get; }

    /// <summary>|a · u - n|; where the cost has a kink along u, the distance of a · u from the one-sided derivatives.</summary>
    public double AbsoluteError { get; }

    /// <summary>The largest error the rule allows: the rule applied to a · u, with the round-off of the dot product's terms.</summary>
    public double Bound { get; }

    /// <summary>Whether the direction passed, and if not, why.</summary>
    public EntryOutcome Outcome { get; }

    /// <summary>Whether a · u agrees with the cost's derivative along u (a kink with a valid subgradient passes).</summary>
    public bool Passed => EntryReport.Passes(Outcome);
}
