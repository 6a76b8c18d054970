using System.Globalization;

namespace GradCheck.Benchmarks;

/// <summary>
/// The cost evaluations per entry of the check a benchmark times, or whose evaluations its bare loop
/// repeats: (CostEvaluations - 3) / entries, from the check's own report.
/// </summary>
public sealed class EvaluationsPerEntryColumn : CheckFigureColumn
{
    /// <inheritdoc/>
    public override string ColumnName => "Evals/entry";

    /// <inheritdoc/>
    public override string Legend =>
        $"(the report's CostEvaluations - {CheckFigures.EvaluationsAtGivenPoint} at the given parameters) / parameter entries, of the check this row times or whose evaluations its bare loop makes";

    /// <inheritdoc/>
    public override int PriorityInCategory => 0;

    /// <inheritdoc/>
    public override bool IsNumeric => true;

    /// <inheritdoc/>
    protected override string Format(CheckFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return double.IsNaN(figures.EvaluationsPerEntry) ? "-" : figures.EvaluationsPerEntry.ToString("0.0000", CultureInfo.InvariantCulture);
    }
}
