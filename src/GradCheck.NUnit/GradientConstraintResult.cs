using GradCheck.Reporting;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// The result of a gradient constraint: NUnit's <c>Expected:</c> / <c>But was:</c> lines, then the
/// whole <see cref="GradientCheckReport"/> text, the same as <see cref="GradientCheckReport.ToString"/>.
/// Its <see cref="ConstraintResult.ActualValue"/> is a <see cref="CheckedValue"/>: the value asserted
/// on, with the verdict as its text.
/// </summary>
internal sealed class GradientConstraintResult : ConstraintResult
{
    internal GradientConstraintResult(IConstraint constraint, object? actualValue, GradientCheckReport report)
        : base(constraint, new CheckedValue(actualValue, report), report.Passed) => Report = report;

    /// <summary>Everything the check found.</summary>
    public GradientCheckReport Report { get; }

    /// <summary>Writes a one-line summary in place of the raw gradient arrays.</summary>
    /// <param name="writer">NUnit's message writer.</param>
    public override void WriteActualValueTo(MessageWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Report.Summary);
    }

    /// <summary>
    /// Writes the report (failing tensors with their diagnosis and worst entries, the options, the rule)
    /// and, when the check ran inside a test, attaches its picture to the test and says where it is.
    /// NUnit calls this only for a failing assertion, so a passing test writes no file.
    /// </summary>
    /// <param name="writer">NUnit's message writer.</param>
    public override void WriteAdditionalLinesTo(MessageWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Report.ToString());
        if (!Report.Passed && Report.Tensors.Count > 0 && ReportAttachment.Attach(Report) is { } picture)
        {
            writer.WriteLine(picture);
        }
    }
}
