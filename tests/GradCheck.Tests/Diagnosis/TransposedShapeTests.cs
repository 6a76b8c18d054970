using GradCheck.Reporting;

namespace GradCheck.Tests.Diagnosis;

/// <summary>
/// A gradient given in its parameter's transposed shape (dW1 (6, 8) for W1 (8, 6)) is checked read
/// transposed back and fails with a "transposed" diagnosis; any other shape mismatch stays an error
/// that names both shapes, and fails only the check of its own tensor.
/// </summary>
public class TransposedShapeTests
{
    // J = sum_ij sin(c_ij w_ij) + <v, b>: every entry of W has its own derivative, so a transpose shows.
    private static double Cost(double[,] w, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < w.GetLength(0); i++)
        {
            for (int j = 0; j < w.GetLength(1); j++)
            {
                sum += Math.Sin((1 + i + (0.3 * j)) * w[i, j]);
            }
        }

        return sum + b.Select((value, k) => (k + 1) * value).Sum();
    }

    private static double[,] GradientOfW(double[,] w)
    {
        var gradient = new double[w.GetLength(0), w.GetLength(1)];
        for (int i = 0; i < w.GetLength(0); i++)
        {
            for (int j = 0; j < w.GetLength(1); j++)
            {
                double c = 1 + i + (0.3 * j);
                gradient[i, j] = c * Math.Cos(c * w[i, j]);
            }
        }

        return gradient;
    }

    private static double[,] Transpose(double[,] m, double scale = 1)
    {
        var t = new double[m.GetLength(1), m.GetLength(0)];
        for (int i = 0; i < m.GetLength(0); i++)
        {
            for (int j = 0; j < m.GetLength(1); j++)
            {
                t[j, i] = scale * m[i, j];
            }
        }

        return t;
    }

    private static (double[,] W, double[] B) Point(int rows, int columns)
    {
        var w = new double[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                w[i, j] = 0.1 * ((i * columns) + j) - 0.4;
            }
        }

        return (w, [0.5, -0.25]);
    }

    [TestCase(8, 6)]
    [TestCase(3, 2)]
    [TestCase(1, 5)]
    [TestCase(4, 4)]
    public void A_right_gradient_in_the_transposed_shape_fails_diagnosed_transposed(int rows, int columns)
    {
        (double[,] w, double[] b) = Point(rows, columns);
        var gradients = new Dictionary<string, object> { ["dW"] = Transpose(GradientOfW(w)), ["db"] = new double[] { 1, 2 } };

        // A square matrix has no transposed shape: its values transposed are diagnosed from them.
        GradientCheckReport report = GradientChecker.Check(() => Cost(w, b), new Dictionary<string, object> { ["W"] = w, ["b"] = b }, gradients);

        Assert.That(report.Passed, Is.False);
        TensorReport tensor = report.Tensors[0];
        Assert.That(tensor.Passed, Is.False);
        Assert.That(tensor.Diagnosis!.Kind, Is.EqualTo(BugKind.Transposed));
        Assert.That(report.Tensors[1].Passed, Is.True, "b is right");
        TestContext.Out.WriteLine(report);
        if (rows != columns)
        {
            Assert.That(tensor.Diagnosis.Description, Is.EqualTo(
                $"transposed: dW has shape ({columns}, {rows}), the transpose of W's ({rows}, {columns}); read transposed back (a[i,j] = dW[j,i]), every entry matches the numerical gradient: give it the shape ({rows}, {columns})"));
        }
    }

    [Test]
    public void A_transposed_gradient_with_a_second_mistake_names_both()
    {
        (double[,] w, double[] b) = Point(8, 6);
        var gradients = new Dictionary<string, object> { ["dW"] = Transpose(GradientOfW(w), scale: 2), ["db"] = new double[] { 1, 2 } };

        GradientCheckReport report = GradientChecker.Check(() => Cost(w, b), new Dictionary<string, object> { ["W"] = w, ["b"] = b }, gradients);

        TensorDiagnosis diagnosis = report.Tensors[0].Diagnosis!;
        Assert.That(diagnosis.Kind, Is.EqualTo(BugKind.Transposed));
        Assert.That(diagnosis.Description, Does.StartWith("transposed: dW has shape (6, 8), the transpose of W's (8, 6); read transposed back (a[i,j] = dW[j,i]): every entry is 2.000x the numerical gradient"));
        Assert.That(diagnosis.Factor, Is.EqualTo(2).Within(1e-3));
        Assert.That(report.ToString(), Does.Contain("W (8, 6)"));
    }

    [Test]
    public void A_rank_3_gradient_with_its_axes_reversed_is_transposed_and_other_permutations_are_shape_errors()
    {
        // J = sum_k c_k sin(x_k) over a (2, 3, 4) kernel.
        var kernel = new double[2, 3, 4];
        for (int k = 0; k < kernel.Length; k++)
        {
            kernel[k / 12, k / 4 % 3, k % 4] = 0.05 * k;
        }

        double Cost3() => Enumerable.Range(0, 24).Sum(k => (1 + (0.1 * k)) * Math.Sin(kernel[k / 12, k / 4 % 3, k % 4]));
        var reversed = new double[4, 3, 2];
        for (int k = 0; k < 24; k++)
        {
            int i = k / 12, j = k / 4 % 3, l = k % 4;
            reversed[l, j, i] = (1 + (0.1 * k)) * Math.Cos(kernel[i, j, l]);
        }

        var parameters = new Dictionary<string, double[,,]> { ["K"] = kernel };
        GradientCheckReport report = GradientChecker.Check(Cost3, parameters, new Dictionary<string, double[,,]> { ["dK"] = reversed });
        Assert.That(report.Tensors[0].Diagnosis!.Description, Does.StartWith(
            "transposed: dK has shape (4, 3, 2), the transpose of K's (2, 3, 4); read transposed back (a[i,j,k] = dK[k,j,i]), every entry matches"));

        var exception = Assert.Throws<ArgumentException>(() =>
            GradientChecker.Check(Cost3, parameters, new Dictionary<string, double[,,]> { ["dK"] = new double[3, 2, 4] }));
        Assert.That(exception!.Message, Does.Contain("gradient 'dK' has shape (3, 2, 4) but parameter 'K' has shape (2, 3, 4)"));
    }

    [Test]
    public void A_float_gradient_in_the_transposed_shape_is_diagnosed_too()
    {
        float[,] w = { { 0.5f, -1f, 0.25f }, { 2f, 0.75f, -0.5f } };
        float Cost() => (w[0, 0] * w[0, 0]) + (2 * w[0, 1]) + (3 * w[0, 2] * w[0, 2]) + (w[1, 0] * w[1, 1]) + MathF.Sin(w[1, 2]);
        float[,] transposed = { { 2 * w[0, 0], w[1, 1] }, { 2, w[1, 0] }, { 6 * w[0, 2], MathF.Cos(w[1, 2]) } };

        GradientCheckReport report = GradientChecker.Check(Cost, new Dictionary<string, float[,]> { ["W"] = w }, new Dictionary<string, float[,]> { ["W"] = transposed });

        Assert.That(report.Passed, Is.False);
        Assert.That(report.Tensors[0].Diagnosis!.Description, Does.Contain("every entry matches the numerical gradient"));
    }

    [Test]
    public void A_shape_error_in_one_tensor_fails_only_the_check_of_that_tensor()
    {
        (double[,] w, double[] b) = Point(3, 2);
        var parameters = new Dictionary<string, object> { ["W"] = w, ["b"] = b };
        var gradients = new Dictionary<string, object> { ["dW"] = GradientOfW(w), ["db"] = new double[] { 1, 2, 3 } };

        GradientCheckReport ofW = GradientChecker.Check(() => Cost(w, b), parameters, gradients, GradientCheckOptions.Default with { Tensors = ["W"] });
        Assert.That(ofW.Passed, Is.True, ofW.ToString());

        var exception = Assert.Throws<ArgumentException>(() =>
            GradientChecker.Check(() => Cost(w, b), parameters, gradients, GradientCheckOptions.Default with { Tensors = ["b"] }));
        Assert.That(exception!.Message, Does.Contain("gradient 'db' has shape (3) but parameter 'b' has shape (2)"));
    }
}
