using GradCheck.Reporting;

namespace GradCheck.Tests.Diagnosis;

/// <summary>
/// A mistake every tensor shares is said once, with what it usually is: one integer factor over every
/// tensor (a mean's 1/m left out, with no batch size given), every tensor wrong with no simple pattern;
/// and a tensor whose wrong entries are all exactly 0 is diagnosed as entries never written.
/// </summary>
public class SharedDiagnosisTests
{
    // J = sum_k c_k sin(w_k) + sum_k d_k exp(b_k / 4): every entry has a derivative of its own.
    private static readonly double[] W = [0.3, -0.7, 1.1, 0.2, -0.4, 0.9];
    private static readonly double[] B = [0.5, -1.5, 0.25];

    private static double Cost() =>
        W.Select((w, k) => (1 + (0.5 * k)) * Math.Sin(w)).Sum() + B.Select((b, k) => (2 - (0.3 * k)) * Math.Exp(b / 4)).Sum();

    private static double[] GradientOfW(double scale) => [.. W.Select((w, k) => scale * (1 + (0.5 * k)) * Math.Cos(w))];

    private static double[] GradientOfB(double scale) => [.. B.Select((b, k) => scale * (2 - (0.3 * k)) * Math.Exp(b / 4) / 4)];

    private static GradientCheckReport Check(double[] dw, double[] db, GradientCheckOptions? options = null) =>
        GradientChecker.Check(Cost, new Dictionary<string, double[]> { ["W"] = W, ["b"] = B }, new Dictionary<string, double[]> { ["dW"] = dw, ["db"] = db }, options);

    [TestCase(3.0, "every entry of every tensor is 3.000x the numerical gradient: shared by every tensor, as a batch size m = 3 would be (is the 1/m of a mean left out?); .WithBatchSize(3) (BatchSize = 3) names m for certain")]
    [TestCase(0.25, "every entry of every tensor is 0.250x the numerical gradient: 1/4: shared by every tensor, as dividing by a batch size m = 4 once too often would be (is it divided by m twice?); .WithBatchSize(4) (BatchSize = 4) names m for certain")]
    public void One_integer_factor_in_every_tensor_is_said_once_as_a_batch_size(double factor, string expected)
    {
        GradientCheckReport report = Check(GradientOfW(factor), GradientOfB(factor));

        Assert.That(report.Tensors.Select(tensor => tensor.Diagnosis!.Description), Is.All.EqualTo(expected));
        Assert.That(report.ToString(), Does.Contain("  W, b: " + expected));
    }

    [Test]
    public void A_factor_that_is_no_integer_or_not_in_every_tensor_or_a_given_batch_size_is_said_per_tensor()
    {
        Assert.That(Check(GradientOfW(1.5), GradientOfB(1.5)).Tensors[0].Diagnosis!.Description, Is.EqualTo("every entry is 1.500x the numerical gradient"));
        Assert.That(Check(GradientOfW(3), GradientOfB(1)).Tensors[0].Diagnosis!.Description, Is.EqualTo("every entry is 3.000x the numerical gradient"));
        Assert.That(
            Check(GradientOfW(3), GradientOfB(3), new GradientCheckOptions { BatchSize = 3 }).Tensors[1].Diagnosis!.Description,
            Is.EqualTo("every entry is 3.000x the numerical gradient: m, the batch size (3): is the 1/m of a mean left out?"));
    }

    [Test]
    public void Every_tensor_wrong_with_no_simple_pattern_is_said_once_with_what_they_share()
    {
        // Each tensor's entries scrambled in a way no pattern names: every entry off by its own amount.
        double[] dw = [.. GradientOfW(1).Select((value, k) => value * (1 + (0.37 * ((k * 7 % 5) + 1))))];
        double[] db = [.. GradientOfB(1).Select((value, k) => value + (0.9 * (k + 1)))];

        GradientCheckReport report = Check(dw, db);

        Assert.That(report.Tensors.Select(tensor => tensor.Diagnosis!.Kind), Is.All.EqualTo(BugKind.NoSimplePattern));
        Assert.That(report.Tensors[0].Diagnosis!.Description, Does.StartWith("every tensor is wrong, none with a simple pattern: what they share is upstream of them all, such as the output layer's delta or the loss's derivative"));
        Assert.That(report.ToString().Split('\n').Count(line => line.Contains("simple pattern", StringComparison.Ordinal)), Is.EqualTo(1), report.ToString);
    }

    [Test]
    public void A_Jacobian_with_only_its_diagonal_filled_is_diagnosed_as_entries_never_written()
    {
        // f(x) = A tanh(x) with a full A: J = A diag(1 - tanh^2 x); the diagonal alone is written.
        double[,] a = { { 2, 0.5, -1 }, { 0.3, 1.5, 0.7 }, { -0.4, 0.2, 3 } };
        double[] x = [0.2, -0.5, 0.8];
        double[] F(double[] v) => [.. Enumerable.Range(0, 3).Select(i => Enumerable.Range(0, 3).Sum(j => a[i, j] * Math.Tanh(v[j])))];
        var diagonal = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            diagonal[i, i] = a[i, i] * (1 - (Math.Tanh(x[i]) * Math.Tanh(x[i])));
        }

        GradientCheckReport report = JacobianChecker.Check(F, x, diagonal);

        TensorDiagnosis diagnosis = report.Tensors[0].Diagnosis!;
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.UnwrittenEntries));
        Assert.That(diagnosis.Description, Does.StartWith("every wrong entry is exactly 0 where the numerical Jacobian is not (J[0,1], J[0,2], J[1,0] and 3 more; 6 of 9)"));
    }
}
