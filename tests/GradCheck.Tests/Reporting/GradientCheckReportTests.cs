using GradCheck.Comparison;
using GradCheck.Differentiation;
using GradCheck.Reporting;

namespace GradCheck.Tests.Reporting;

public class GradientCheckReportTests
{
    private static readonly NumericalMethod Method = new("double", DifferenceMethod.Richardson, 1.85e-4, 2.2e-16);

    [Test]
    public void Passes_when_every_tensor_passes_and_there_is_no_problem()
    {
        GradientCheckReport report = Report([Tensor("W", failed: 0), Tensor("b", failed: 0)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.True);
            Assert.That(report.FailedTensors, Is.Empty);
        }
    }

    [Test]
    public void Fails_when_one_tensor_fails_and_lists_only_that_one()
    {
        GradientCheckReport report = Report([Tensor("W", failed: 0), Tensor("b", failed: 2)]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.FailedTensors.Select(tensor => tensor.Name), Is.EqualTo(new[] { "b" }));
        }
    }

    [Test]
    public void Fails_when_there_is_a_problem_even_if_every_tensor_passes()
    {
        GradientCheckReport report = Report(
            [Tensor("W", failed: 0)], [new CheckObstacle(CheckObstacleKind.CostModifiedParameters, "the cost modified parameter W")]);
        Assert.That(report.Passed, Is.False);
    }

    [Test]
    public void Fails_with_a_problem_and_no_tensors()
    {
        GradientCheckReport report = Report([], [new CheckObstacle(CheckObstacleKind.CostNotFinite, "the cost is NaN")]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Passed, Is.False);
            Assert.That(report.RelativeDifference, Is.Zero, "no tensors: 0, not 0/0");
        }
    }

    [Test]
    public void Whole_gradient_figure_combines_the_tensor_norms()
    {
        // ||a - n|| = sqrt(3² + 4²) = 5 and ||a|| + ||n|| = sqrt(6² + 8²) + 0 = 10: 0.5, exact in binary.
        GradientCheckReport report = Report([
            Tensor("W", failed: 1, analyticNorm: 6, numericNorm: 0, differenceNorm: 3),
            Tensor("b", failed: 1, analyticNorm: 8, numericNorm: 0, differenceNorm: 4)]);
        Assert.That(report.RelativeDifference, Is.EqualTo(0.5));
    }

    [Test]
    public void Tensor_figure_is_its_difference_over_its_norms()
    {
        TensorReport tensor = Tensor("W", failed: 1, analyticNorm: 1, numericNorm: 3, differenceNorm: 2);
        Assert.That(tensor.RelativeDifference, Is.EqualTo(0.5));
    }

    /// <summary>A tensor of two entries, n = 1 each, whose first <paramref name="failed"/> entries have a = 3; the norms are given as they are.</summary>
    private static TensorReport Tensor(string name, int failed, double analyticNorm = 1, double numericNorm = 1, double differenceNorm = 0)
    {
        var numeric = new NumericalColumns([1, 1], [0, 0], [double.NaN, double.NaN], [double.NaN, double.NaN], [false, false]);
        double[] analytic = [failed > 0 ? 3 : 1, failed > 1 ? 3 : 1];
        EntryOutcome[] outcomes = [.. analytic.Select(a => a == 1 ? EntryOutcome.WithinTolerance : EntryOutcome.OutsideTolerance)];
        double[] error = [.. analytic.Select(a => Math.Abs(a - 1))];
        var entries = new TensorEntries(2, indices: null, analytic, numeric, error, [1e-9, 1e-9], outcomes, new ComparisonRule(GradientTolerance.Automatic, 2.2e-16, KinksFail: false), tensorScale: 1);
        return new TensorReport(name, [2], failed, [], analyticNorm, numericNorm, differenceNorm, entries);
    }

    private static GradientCheckReport Report(TensorReport[] tensors, CheckObstacle[]? obstacles = null) =>
        new(tensors, obstacles ?? [], Method, GradientCheckOptions.Default, 1.0, 1);
}
