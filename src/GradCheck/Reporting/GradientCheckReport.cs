using GradCheck.Comparison;
using GradCheck.Diagnosis;

namespace GradCheck.Reporting;

/// <summary>
/// Everything a gradient check found: the verdict, per tensor the entries that fail and by how much,
/// the relative difference of the whole gradient, and how the numerical gradient was made. <see cref="ToString"/> is the
/// text an NUnit failure shows, so any test framework can print the same.
/// </summary>
public sealed class GradientCheckReport
{
    internal GradientCheckReport(
        IReadOnlyList<TensorReport> tensors,
        IReadOnlyList<CheckObstacle> obstacles,
        NumericalMethod method,
        GradientCheckOptions options,
        double cost,
        long costEvaluations,
        CheckSubject? subject = null)
    {
        Subject = subject ?? CheckSubject.Gradient;
        Tensors = GradientDiagnosis.DiagnoseFailedTensors(tensors, options.BatchSize, Subject.Noun, method.ElementType);
        Obstacles = obstacles;
        Method = method;
        Options = options;
        Cost = cost;
        CostEvaluations = costEvaluations;
        double[] differenceNorms = [.. tensors.Select(tensor => tensor.DifferenceNorm)];
        double[] analyticNorms = [.. tensors.Select(tensor => tensor.AnalyticNorm)];
        double[] numericNorms = [.. tensors.Select(tensor => tensor.NumericNorm)];
        RelativeDifference = ScaledNorm.RelativeDifference(
            ScaledNorm.Of(differenceNorms), ScaledNorm.Of(analyticNorms), ScaledNorm.Of(numericNorms));
    }

    /// <summary>True when every entry of every tensor passed and nothing else went wrong.</summary>
    public bool Passed => Obstacles.Count == 0 && Tensors.All(tensor => tensor.Passed);

    /// <summary>One report per parameter tensor, in the order the parameters were given.</summary>
    public IReadOnlyList<TensorReport> Tensors { get; }

    /// <summary>Failures that are not about one entry (a cost that is NaN, or that changes its parameters).</summary>
    public IReadOnlyList<CheckObstacle> Obstacles { get; }

    /// <summary>
    /// The relative difference ||a - n|| / (||a|| + ||n||) of the analytic gradient a and the numerical
    /// gradient n, all tensors taken as one vector: the single figure of the usual gradient-check recipe,
    /// given for comparison with it; the verdict does not depend on it (0 when both gradients are 0).
    /// </summary>
    public double RelativeDifference { get; }

    /// <summary>How the numerical gradient was computed.</summary>
    public NumericalMethod Method { get; }

    /// <summary>The pass rule each entry was held to.</summary>
    public GradientTolerance Tolerance => Options.Tolerance;

    /// <summary>The options the check ran with, printed in the report so that a failure can be reproduced.</summary>
    public GradientCheckOptions Options { get; }

    /// <summary>The cost at the unperturbed parameters.</summary>
    public double Cost { get; }

    /// <summary>
    /// How many times the cost was evaluated: at the given parameters and for the numerical derivatives, on
    /// every worker, up to where the check ended (also when it stopped part way). The set-up of a parallel
    /// check's workers (each proved to compute the model's cost) is not counted, so that a parallel check
    /// reports as a serial one does.
    /// </summary>
    public long CostEvaluations { get; }

    /// <summary>
    /// What else a reader needs to reproduce the check, one line each, such as the seed of a layer
    /// check's upstream gradient; printed before the rule.
    /// </summary>
    public IReadOnlyList<string> Notes { get; internal init; } = [];

    /// <summary>
    /// How the entries not checkable at the given point were re-checked at a point nudged off the ties
    /// (<see cref="GradientCheckOptions.RecheckAtNudgedPoint"/>); null when none was, because every entry
    /// was decided at the given point or the check had no backward pass to run.
    /// </summary>
    internal NudgedRecheck? Recheck { get; init; }

    /// <summary>
    /// What was checked: <see cref="CheckSubject.Gradient"/> unless the report comes from
    /// <c>JacobianChecker</c> or <c>HessianVectorProductChecker</c>, whose reports have no scalar cost
    /// (<see cref="Cost"/> is NaN) and count evaluations of their function in <see cref="CostEvaluations"/>.
    /// </summary>
    internal CheckSubject Subject { get; }

    /// <summary>The tensors with at least one failing entry.</summary>
    public IEnumerable<TensorReport> FailedTensors => Tensors.Where(tensor => !tensor.Passed);

    /// <summary>One line, such as <c>2 of 6 tensors outside tolerance: W2 (15 of 15 entries), b1 (5 of 5 entries)</c>.</summary>
    public string Summary => ReportFormatter.Summary(this);

    /// <summary>The whole report as text: the message an NUnit failure shows after Expected and But was.</summary>
    public override string ToString() => ReportFormatter.Format(this);
}
