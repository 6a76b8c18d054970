namespace GradCheck.Reporting;

/// <summary>How one entry fared against the pass rule.</summary>
public enum EntryOutcome
{
    /// <summary>|a - n| is within the entry's bound.</summary>
    WithinTolerance,

    /// <summary>|a - n| exceeds the entry's bound.</summary>
    OutsideTolerance,

    /// <summary>The analytic gradient is NaN or infinite here: a failure, whatever n is.</summary>
    AnalyticNotFinite,

    /// <summary>The numerical derivative is NaN or infinite: the cost was not finite at a perturbed point.</summary>
    NumericNotFinite,

    /// <summary>
    /// The cost has a kink here (its left and right derivatives differ, as ReLU's at 0), and a lies
    /// between them: a valid subgradient. Passes, and is reported.
    /// </summary>
    Kink,

    /// <summary>
    /// The cost has a kink here, and a lies outside the interval of its one-sided derivatives. Where two
    /// kinks meet along this entry (two ReLU units switching at the same point from opposite sides) the
    /// backward pass's value, a valid generalised gradient, lies outside that interval by an amount no
    /// function of the interval bounds, and from the cost alone one kink cannot be told from several:
    /// this entry cannot be checked at this point. Neither passes nor fails, and is reported; a tensor
    /// none of whose checked entries could be decided fails. Where the check has the backward pass (a
    /// <see cref="GradientProblem{T}"/>, <c>[GradientCheck]</c>, a layer check) it moves the point
    /// off the ties and decides such entries there (<see cref="GradientCheckOptions.RecheckAtNudgedPoint"/>);
    /// an entry keeps this outcome only if it sat on a kink at every nudged point too.
    /// </summary>
    NotCheckable,

    /// <summary>The cost has a kink here, and the options say kinks fail.</summary>
    KinkNotAllowed,

    /// <summary>
    /// Not differentiated: the check covered a sample of the entries or random directions
    /// (<see cref="CheckCoverage"/>), and this entry was not among those it took one by one.
    /// Neither passes nor fails.
    /// </summary>
    NotChecked,
}
