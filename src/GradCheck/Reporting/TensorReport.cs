namespace GradCheck.Reporting;

/// <summary>The comparison of one parameter tensor's analytic and numerical gradients.</summary>
/// <param name="Name">The parameter's name, such as <c>W1</c>.</param>
/// <param name="Shape">The parameter's shape, outermost dimension first.</param>
/// <param name="EntryCount">How many entries were compared.</param>
/// <param name="FailedEntryCount">How many entries fail the rule, non-finite ones included.</param>
/// <param name="WorstEntries">The entries furthest outside (or closest to) their bound, worst first.</param>
/// <param name="AnalyticNorm">||a||₂ over the tensor.</param>
/// <param name="NumericNorm">||n||₂ over the tensor.</param>
/// <param name="DifferenceNorm">||a - n||₂ over the tensor.</param>
public sealed record TensorReport(
    string Name,
    IReadOnlyList<int> Shape,
    int EntryCount,
    int FailedEntryCount,
    IReadOnlyList<EntryReport> WorstEntries,
    double AnalyticNorm,
    double NumericNorm,
    double DifferenceNorm)
{
    /// <summary>How many entries sit on a kink of the cost (passing or not).</summary>
    public int KinkCount { get; init; }

    /// <summary>The first kink entries, in index order, for the report.</summary>
    public IReadOnlyList<EntryReport> Kinks { get; init; } = [];

    /// <summary>Whether every entry passed.</summary>
    public bool Passed => FailedEntryCount == 0;

    /// <summary>The seeds' figure for this tensor alone: ||a - n|| / (||a|| + ||n||).</summary>
    public double RelativeDifference => Comparison.ScaledNorm.RelativeDifference(DifferenceNorm, AnalyticNorm, NumericNorm);
}
