using GradCheck.Reporting;

namespace GradCheck.NUnit;

/// <summary>
/// The actual value of a gradient constraint's result: the value the user asserted on, with the
/// check's verdict as its text. NUnit's <c>Is.Not</c> prints only its inner result's actual value, so
/// a gradient that passes when it was asserted wrong says so, with the options to reproduce it,
/// instead of printing the raw arrays.
/// </summary>
/// <param name="Value">What <c>Assert.That</c> was given.</param>
/// <param name="Report">The check's report.</param>
public sealed record CheckedValue(object? Value, GradientCheckReport Report)
{
    /// <summary>The check's report.</summary>
    public GradientCheckReport Report { get; init => field = value ?? throw new ArgumentNullException(nameof(value)); } = Report ?? throw new ArgumentNullException(nameof(Report));

    /// <summary>The verdict line and the options, such as <c>Gradient check passed: 1 tensor, 3 entries within tolerance. Options: new GradientCheckOptions { ... }</c>.</summary>
    public override string ToString()
    {
        string[] lines = Report.ToString().Split(Environment.NewLine);
        string options = lines.FirstOrDefault(line => line.StartsWith("Options: ", StringComparison.Ordinal)) ?? string.Empty;
        return (lines[0] + " " + options).TrimEnd();
    }
}
