using System.Globalization;

namespace GradCheck;

/// <summary>
/// How far a long check has come: reported through <see cref="GradientCheckOptions.Progress"/> once
/// the check has run for <see cref="Running.ProgressMeter.QuietPeriod"/>, then about once a second.
/// </summary>
/// <param name="EntriesDone">Entries differentiated so far.</param>
/// <param name="EntriesTotal">Entries the check differentiates in all.</param>
/// <param name="Elapsed">Time since the check began differentiating.</param>
/// <param name="EstimatedRemaining">The time left at the rate so far.</param>
public readonly record struct GradientCheckProgress(long EntriesDone, long EntriesTotal, TimeSpan Elapsed, TimeSpan EstimatedRemaining)
{
    /// <summary>Such as <c>12,288 of 61,481 entries (20%), 2.4 s, about 9.6 s left</c>.</summary>
    public override string ToString()
    {
        double percent = EntriesTotal == 0 ? 100 : 100.0 * EntriesDone / EntriesTotal;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{EntriesDone:N0} of {EntriesTotal:N0} entries ({percent:0}%), {Elapsed.TotalSeconds:0.0} s, about {EstimatedRemaining.TotalSeconds:0.0} s left");
    }
}
