using GradCheck.Comparison;
using GradCheck.Diagnosis;
using GradCheck.Reporting;
using GradCheck.Testing;
using GradCheck.Tests.Support;

namespace GradCheck.Tests.Diagnosis;

/// <summary>
/// Each diagnosis, planted on purpose into an exact gradient of <see cref="SeparableCost"/>: the
/// failing tensor is named with its kind of mistake, and the tensors left right get no diagnosis.
/// </summary>
public class GradientDiagnosisTests
{
    [Test]
    public void A_gradient_scaled_by_two_is_every_entry_2_000x()
    {
        TensorDiagnosis diagnosis = Diagnose("A", g => Mutations.Scaled(g, 2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.ConstantFactor));
            Assert.That(diagnosis.Description, Is.EqualTo("every entry is 2.000x the numerical gradient"));
            Assert.That(diagnosis.Factor, Is.EqualTo(2).Within(1e-9));
        }
    }

    [Test]
    public void A_gradient_one_percent_too_large_is_every_entry_1_010x()
    {
        Assert.That(Diagnose("B", g => Mutations.Scaled(g, 1.01)).Description, Is.EqualTo("every entry is 1.010x the numerical gradient"));
    }

    [Test]
    public void A_flipped_sign_is_named()
    {
        TensorDiagnosis diagnosis = Diagnose("c", g => Mutations.Scaled(g, -1));
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.SignFlipped));
        Assert.That(diagnosis.Description, Is.EqualTo("sign flipped: every entry is -1.000x the numerical gradient"));
    }

    [Test]
    public void A_gradient_never_written_is_zero()
    {
        TensorDiagnosis diagnosis = Diagnose("S", g => Mutations.Scaled(g, 0));
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.Zero));
        Assert.That(diagnosis.Description, Does.StartWith("every entry is 0 while the numerical gradient is not (largest |n| = "));
    }

    [Test]
    public void A_tensor_the_cost_does_not_read_is_named_as_such()
    {
        var model = Model();
        double[,] copy = (double[,])model.Parameters["S"].Clone();
        Dictionary<string, double[,]> parameters = new(model.Parameters, StringComparer.Ordinal) { ["S"] = copy };

        // The cost reads the model's own S; the check is handed a copy of it.
        GradientCheckReport report = GradientChecker.Check(model.Cost, parameters, model.Gradient());
        TensorDiagnosis diagnosis = DiagnosisOf(report, "S");
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.NotReadByCost));
        Assert.That(diagnosis.Description, Is.EqualTo("the numerical gradient is 0 in every entry but a is not: the cost does not depend on this tensor here (a bias followed by a normalisation is the classic case: the normalisation cancels it, and its gradient is 0), or it reads a copy of it or another tensor"));
    }

    [Test]
    public void A_tensor_the_cost_barely_depends_on_gets_no_factor_that_is_a_ratio_to_its_tiny_gradient()
    {
        // J depends on b only through 1e-9 Σ b: n = 1e-9, accurately, while a backward pass that ignores
        // the cancellation gives 1. A factor of 1e9 is no bookkeeping mistake.
        double[] weights = [0.4, -1.3, 2.2];
        double[] bias = [0.5, -0.25, 1.5];
        var parameters = new Dictionary<string, double[]>(StringComparer.Ordinal) { ["w"] = weights, ["b"] = bias };
        double Cost() => weights.Sum(w => Math.Sin(w)) + (1e-9 * bias.Sum());
        var gradients = new Dictionary<string, double[]>(StringComparer.Ordinal) { ["w"] = [.. weights.Select(Math.Cos)], ["b"] = [1.0, 1.0, 1.0] };

        TensorDiagnosis diagnosis = DiagnosisOf(GradientChecker.Check(Cost, parameters, gradients), "b");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.NotReadByCost));
            Assert.That(diagnosis.Factor, Is.Null);
            Assert.That(diagnosis.Description, Does.StartWith("the numerical gradient is below 1e-06 of a in every entry (largest |n| = 1.00e-09, largest |a| = 1.00e+00), so no factor: the cost does not depend on this tensor here (a bias followed by a normalisation is the classic case"));
        }
    }

    [Test]
    public void One_huge_wrong_entry_is_not_read_as_a_tensor_the_cost_does_not_depend_on()
    {
        TensorDiagnosis diagnosis = Diagnose("A", g => Mutations.Map(g, (i, j, value) => i == 1 && j == 2 ? 1e9 : value));
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.IsolatedEntries));
    }

    [Test]
    public void A_square_gradient_transposed_is_named_transposed()
    {
        TensorDiagnosis diagnosis = Diagnose("S", Mutations.StoredTransposed);
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.Transposed));
        Assert.That(diagnosis.Description, Is.EqualTo("transposed: a[i,j] = n[j,i], the numerical gradient's transpose"));
    }

    [Test]
    public void A_rectangular_gradient_stored_transposed_names_the_transposed_shape()
    {
        TensorDiagnosis diagnosis = Diagnose("A", Mutations.StoredTransposed);
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.Transposed));
        Assert.That(diagnosis.Description, Does.EndWith("the numerical gradient's transpose (4, 3)"));
    }

    [Test]
    public void Swapped_gradients_name_each_other()
    {
        var model = Model();
        Dictionary<string, double[,]> gradient = model.Gradient();
        (gradient["dA"], gradient["dB"]) = (gradient["dB"], gradient["dA"]);
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, gradient);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(DiagnosisOf(report, "A").Kind, Is.EqualTo(BugKind.SwappedWithTensor));
            Assert.That(DiagnosisOf(report, "A").OtherTensor, Is.EqualTo("B"));
            Assert.That(DiagnosisOf(report, "A").Description, Is.EqualTo("swapped with B: it holds B's numerical gradient, and B holds this tensor's"));
            Assert.That(DiagnosisOf(report, "B").OtherTensor, Is.EqualTo("A"));
        }
    }

    [TestCase(-1, "the entry before it (a[k] = n[k-1] in row-major order)")]
    [TestCase(1, "the entry after it (a[k] = n[k+1] in row-major order)")]
    public void Entries_shifted_by_one_say_which_way(int step, string ending)
    {
        TensorDiagnosis diagnosis = Diagnose("c", g => Mutations.ShiftedFlat(g, step));
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.ShiftedByOne));
        Assert.That(diagnosis.Description, Does.EndWith(ending));
    }

    [Test]
    public void Rows_shifted_by_one_are_named_as_rows()
    {
        TensorDiagnosis diagnosis = Diagnose("A", g => Mutations.ShiftedRows(g, 1));
        Assert.That(diagnosis.Description, Is.EqualTo("rows shifted by one: row i holds the numerical gradient of row i+1"));
    }

    [Test]
    public void Columns_shifted_by_one_are_named_as_columns()
    {
        TensorDiagnosis diagnosis = Diagnose("B", g => Mutations.ShiftedColumns(g, -1));
        Assert.That(diagnosis.Description, Is.EqualTo("columns shifted by one: column j holds the numerical gradient of column j-1"));
    }

    [Test]
    public void A_vector_in_reverse_order_is_named_reversed()
    {
        TensorDiagnosis diagnosis = Diagnose("c", g => Mutations.Map(g, (i, j, _) => g[i, g.GetLength(1) - 1 - j]));
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.Reversed));
        Assert.That(diagnosis.Description, Is.EqualTo("reversed: a[k] = n[4-k], the numerical gradient in reverse order (a convolution kernel flipped?)"));
    }

    [Test]
    public void A_matrix_flipped_along_its_columns_is_named_reversed_along_its_last_index()
    {
        TensorDiagnosis diagnosis = Diagnose("A", g => Mutations.Map(g, (i, j, _) => g[i, g.GetLength(1) - 1 - j]));
        Assert.That(diagnosis.Description, Is.EqualTo("reversed along its last index: a[..., j] = n[..., 3-j], the numerical gradient flipped (a convolution kernel flipped?)"));
    }

    [Test]
    public void A_matrix_flipped_along_its_rows_is_named_reversed_along_its_first_index()
    {
        TensorDiagnosis diagnosis = Diagnose("B", g => Mutations.Map(g, (i, j, _) => g[g.GetLength(0) - 1 - i, j]));
        Assert.That(diagnosis.Description, Is.EqualTo("reversed along its first index: row i holds the numerical gradient of row 2-i"));
    }

    [Test]
    public void A_wrong_row_is_named_with_its_factor()
    {
        TensorDiagnosis diagnosis = Diagnose("A", g => Mutations.Map(g, (i, _, value) => i == 1 ? 2 * value : value));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.WholeRows));
            Assert.That(diagnosis.Locations, Is.EqualTo(new[] { "A[1,:]" }));
            Assert.That(diagnosis.Description, Is.EqualTo("wrong in whole rows only: A[1,:] (2.000x); the other 2 rows are right"));
        }
    }

    [Test]
    public void A_zero_column_is_named_as_a_column()
    {
        TensorDiagnosis diagnosis = Diagnose("B", g => Mutations.Map(g, (_, j, value) => j == 2 ? 0 : value));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.WholeColumns));
            Assert.That(diagnosis.Description, Is.EqualTo("wrong in whole columns only: B[:,2] (0); the other 3 columns are right"));
        }
    }

    [Test]
    public void One_wrong_entry_is_isolated_and_listed()
    {
        TensorDiagnosis diagnosis = Diagnose("A", g => Mutations.Map(g, (i, j, value) => (i, j) == (2, 3) ? value + 1 : value));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.IsolatedEntries));
            Assert.That(diagnosis.Locations, Is.EqualTo(new[] { "A[2,3]" }));
            Assert.That(diagnosis.Description, Does.StartWith("wrong in 1 isolated entry only: A[2,3] (").And.EndWith("x); the other 11 entries are right"));
        }
    }

    [Test]
    public void Errors_in_every_entry_without_a_pattern_say_so()
    {
        var random = new Random(7);
        TensorDiagnosis diagnosis = Diagnose("A", g => Mutations.Map(g, (_, _, value) => value + random.NextDouble() - 0.5));
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.NoSimplePattern));
        Assert.That(diagnosis.Description, Does.StartWith("no simple pattern (12 of 12 entries wrong;"));
    }

    [Test]
    public void A_NaN_in_the_gradient_is_named_with_its_entry()
    {
        TensorDiagnosis diagnosis = Diagnose("S", g => Mutations.Map(g, (i, j, value) => (i, j) == (0, 2) ? double.NaN : value));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.NotFinite));
            Assert.That(diagnosis.Locations, Is.EqualTo(new[] { "S[0,2]" }));
            Assert.That(diagnosis.Description, Is.EqualTo("not finite: a is NaN or infinite in 1 entry: S[0,2]"));
        }
    }

    [Test]
    public void A_cost_not_finite_at_a_perturbed_point_is_named_with_its_entry()
    {
        double[] theta = [1.0, 0.0];
        GradientCheckReport report = GradientChecker.Check(v => v[0] + Math.Sqrt(v[1]), theta, [1.0, 0.0]);
        TensorDiagnosis diagnosis = DiagnosisOf(report, "theta");
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.NotFinite));
        Assert.That(diagnosis.Description, Does.Contain("the cost is NaN or infinite when 1 entry is perturbed: theta[1]"));
    }

    [Test]
    public void Kinks_that_fail_only_because_the_options_say_so_are_named_as_such()
    {
        GradientCheckReport report = GradientChecker.Check(
            v => Math.Max(0, v[0]) + (v[1] * v[1]), [0.0, 1.5], [0.5, 3.0], new GradientCheckOptions { KinksFail = true });
        TensorDiagnosis diagnosis = DiagnosisOf(report, "theta");
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.AtKinks));
        Assert.That(diagnosis.Description, Is.EqualTo("wrong only at kinks of the cost (the options make kinks fail): theta[0]"));
    }

    [Test]
    public void A_value_outside_the_one_sided_derivatives_gets_no_diagnosis_since_it_is_not_a_failure()
    {
        GradientCheckReport report = GradientChecker.Check(v => Math.Max(0, v[0]) + (v[1] * v[1]), [0.0, 1.5], [2.0, 3.0]);
        Assert.That(report.Tensors[0].Diagnosis, Is.Null);
        Assert.That(report.Tensors[0].NotCheckableCount, Is.EqualTo(1));
    }

    [Test]
    public void A_factor_equal_to_the_batch_size_is_named_when_the_batch_size_is_given()
    {
        var model = new LinearModel<double>(seed: 3);
        var options = new GradientCheckOptions { BatchSize = LinearModel<double>.Samples };
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, model.Gradient(dropOneOverM: true), options);
        Assert.That(DiagnosisOf(report, "W").Description, Is.EqualTo("every entry is 6.000x the numerical gradient: m, the batch size (6): is the 1/m of a mean left out?"));
    }

    [Test]
    public void A_factor_of_one_over_the_batch_size_is_named_when_the_batch_size_is_given()
    {
        var model = new LinearModel<double>(seed: 3);
        Dictionary<string, Array> gradient = model.Gradient();
        Arrays.Transform<double>(gradient["db"], value => value / LinearModel<double>.Samples);
        var options = new GradientCheckOptions { BatchSize = LinearModel<double>.Samples };
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, gradient, options);
        Assert.That(DiagnosisOf(report, "b").Description, Is.EqualTo("every entry is 0.167x the numerical gradient: 1/m, with m = 6 the batch size: is it divided by m twice?"));
    }

    [Test]
    public void Without_a_batch_size_a_factor_shared_by_every_tensor_is_named_as_a_likely_batch_size()
    {
        var model = new LinearModel<double>(seed: 3);
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, model.Gradient(dropOneOverM: true));
        Assert.That(DiagnosisOf(report, "W").Description, Is.EqualTo(
            "every entry of every tensor is 6.000x the numerical gradient: shared by every tensor, as a batch size m = 6 would be (is the 1/m of a mean left out?); .WithBatchSize(6) (BatchSize = 6) names m for certain"));
    }

    [Test]
    public void A_float_gradient_scaled_by_two_reads_the_same()
    {
        float[] theta = [0.5f, -1.25f, 2f];
        GradientCheckReport report = GradientChecker.Check(v => (v[0] * v[0]) + (3 * v[1]) + (v[2] * v[2] * v[2]), theta, [2f, 6f, 24f]);
        Assert.That(DiagnosisOf(report, "theta").Description, Is.EqualTo("every entry is 2.000x the numerical gradient"));
    }

    [Test]
    public void Tensors_that_pass_get_no_diagnosis()
    {
        var model = Model();
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, GradientWith(model, "A", g => Mutations.Scaled(g, 2)));
        Assert.That(report.Tensors.Where(tensor => tensor.Name != "A").Select(tensor => tensor.Diagnosis), Is.All.Null);
    }

    [Test]
    public void A_right_gradient_gets_no_diagnosis_at_all()
    {
        var model = Model();
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, model.Gradient());
        Assert.That(report.Passed);
        Assert.That(report.Tensors.Select(tensor => tensor.Diagnosis), Is.All.Null);
    }

    [Test]
    public void A_loose_stated_tolerance_still_lets_the_diagnosis_see_the_factor()
    {
        var model = Model();
        var options = new GradientCheckOptions { Tolerance = GradientTolerance.Within(1e-12) };
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, GradientWith(model, "S", g => Mutations.Scaled(g, 4)), options);
        Assert.That(DiagnosisOf(report, "S").Description, Is.EqualTo("every entry is 4.000x the numerical gradient"));
    }

    [Test]
    public void A_transposed_Jacobian_speaks_of_the_Jacobian()
    {
        double[] x = [0.5, -1.5, 2.0];
        static double[] F(double[] v) => [v[0] * v[1], v[1] + (v[2] * v[2]), Math.Sin(v[0])];
        double[,] transposed = { { x[1], 0, Math.Cos(x[0]) }, { x[0], 1, 0 }, { 0, 2 * x[2], 0 } };
        GradientCheckReport report = GradCheck.JacobianChecker.Check(F, x, transposed);
        Assert.That(DiagnosisOf(report, "J").Description, Is.EqualTo("transposed: a[i,j] = n[j,i], the numerical Jacobian's transpose"));
    }

    [Test]
    public void The_report_prints_each_diagnosis_under_the_verdict()
    {
        var model = Model();
        Dictionary<string, double[,]> gradient = GradientWith(model, "B", g => Mutations.Scaled(g, 2));
        gradient["dc"] = Mutations.Scaled(gradient["dc"], 4);
        string[] lines = GradientChecker.Check(model.Cost, model.Parameters, gradient).ToString().Split(Environment.NewLine);
        Assert.That(lines[1..3], Is.EqualTo(new[]
        {
            "  B: every entry is 2.000x the numerical gradient",
            "  c: every entry is 4.000x the numerical gradient",
        }));
    }

    /// <summary>A (3, 4), B (3, 4), S (3, 3) and c (1, 5).</summary>
    private static SeparableCost Model() => new(("A", 3, 4), ("B", 3, 4), ("S", 3, 3), ("c", 1, 5));

    private static Dictionary<string, double[,]> GradientWith(SeparableCost model, string tensor, Func<double[,], double[,]> change) =>
        model.Gradient(gradient => gradient["d" + tensor] = change(gradient["d" + tensor]));

    private static TensorDiagnosis Diagnose(string tensor, Func<double[,], double[,]> change)
    {
        var model = Model();
        GradientCheckReport report = GradientChecker.Check(model.Cost, model.Parameters, GradientWith(model, tensor, change));
        Assert.That(report.FailedTensors.Select(failed => failed.Name), Is.EqualTo(new[] { tensor }), "only the tensor with the planted mistake fails");
        return DiagnosisOf(report, tensor);
    }

    private static TensorDiagnosis DiagnosisOf(GradientCheckReport report, string tensor)
    {
        TensorDiagnosis? diagnosis = report.Tensors.Single(t => t.Name == tensor).Diagnosis;
        Assert.That(diagnosis, Is.Not.Null, () => $"{tensor} has no diagnosis:{Environment.NewLine}{report}");
        return diagnosis!;
    }
}
