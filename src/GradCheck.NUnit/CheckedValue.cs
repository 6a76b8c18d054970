using GradCheck.Reporting;

namespace GradCheck.NUnit;

/// <summary>
/// The actual value of a gradient constraint's result: the value the user asserted on, with the
/// check's verdict as its text. NUnit's <c>Is.Not</c> prints only its inner result's actual value, so
/// a gradient that passes when it was asserted wrong says so, with the options to reproduce it,
/// instead of printing the raw arrays.
/// </summary>
internal sealed class CheckedValue
{
    /// <param name="value">What <c>Assert.That</c> was given.</param>
    /// <param name="report">The check's report.</param>
    public CheckedValue(object? value, GradientCheckReport report)
    {
        Value = value;
        Report = report;
    }

    /// <summary>What <c>Assert.That</c> was given.</summary>
    public object? Value { get; }

    /// <summary>The check's report.</summary>
    public GradientCheckReport Report { get; }

    /// <summary>The verdict line and the options, such as <c>Gradient check passed: 1 tensor, 3 entries within tolerance. Options: new GradientCheckOptions { ... }</c>.</summary>
    public override string ToString() => ReportFormatter.VerdictLine(Report) + " " + ReportFormatter.OptionsLine(Report);
}
