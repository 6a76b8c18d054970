using GradCheck.Reporting;
using NUnit.Framework.Constraints;

namespace GradCheck.NUnit;

/// <summary>
/// The result of a gradient constraint: NUnit's <c>Expected:</c> / <c>But was:</c> lines, then the
/// whole <see cref="GradientCheckReport"/> text, the same as <see cref="GradientCheckReport.ToString"/>.
/// </summary>
public sealed class GradientConstraintResult : ConstraintResult
{
    internal GradientConstraintResult(IConstraint constraint, object? actualValue, GradientCheckReport report)
        : base(constraint, actualValue, report.Passed) => Report = report;

    /// <summary>Everything the check found.</summary>
    public GradientCheckReport Report { get; }

    /// <summary>Writes a one-line summary in place of the raw gradient arrays.</summary>
    /// <param name="writer">NUnit's message writer.</param>
    public override void WriteActualValueTo(MessageWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Report.Summary);
    }

    /// <summary>Writes the report: failing tensors with their worst entries, the figures and the rule.</summary>
    /// <param name="writer">NUnit's message writer.</param>
    public override void WriteAdditionalLinesTo(MessageWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Report.ToString());
    }
}
