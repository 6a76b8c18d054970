namespace GradCheck.Benchmarks;

/// <summary>
/// The verdict of the check a benchmark times, or whose evaluations its bare loop repeats: passed, or
/// the failing tensors with their failing entries. The benchmark's setup has already required the
/// verdict it expects; the column shows which one was measured.
/// </summary>
public sealed class CheckVerdictColumn : CheckFigureColumn
{
    /// <inheritdoc/>
    public override string ColumnName => "Verdict";

    /// <inheritdoc/>
    public override string Legend =>
        "The check's verdict: passed, or each failing tensor with its failing entries of all its entries";

    /// <inheritdoc/>
    public override int PriorityInCategory => 1;

    /// <inheritdoc/>
    public override bool IsNumeric => false;

    /// <inheritdoc/>
    protected override string Format(CheckFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures.Verdict;
    }
}
