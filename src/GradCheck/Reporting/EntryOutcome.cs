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

    /// <summary>The numerical derivative is NaN or infinite: the cost was not finite at x + h or x - h.</summary>
    NumericNotFinite,
}
