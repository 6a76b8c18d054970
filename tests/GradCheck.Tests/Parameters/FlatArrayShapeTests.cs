using System.Numerics.Tensors;
using GradCheck.Reporting;

namespace GradCheck.Tests.Parameters;

/// <summary>
/// A weight matrix kept in a flat array gets its shape from <c>Tensor.Create(w, [rows, columns])</c>: a
/// tensor over the same array, so the model, which reads the flat array, sees every perturbation, and
/// the report names entries W[i,j] and can see a transpose.
/// </summary>
public class FlatArrayShapeTests
{
    private const int Rows = 4;
    private const int Columns = 3;

    // J = sum_k (1 + k/10) sin(w[k]) over the flat array, as a model that keeps W flat computes it.
    private static double Cost(double[] w) => w.Select((value, k) => (1 + (k / 10.0)) * Math.Sin(value)).Sum();

    private static double[] Gradient(double[] w) => [.. w.Select((value, k) => (1 + (k / 10.0)) * Math.Cos(value))];

    private static double[] Weights() => [.. Enumerable.Range(0, Rows * Columns).Select(k => (0.1 * k) - 0.5)];

    [Test]
    public void A_flat_array_given_its_shape_is_checked_in_place_and_named_by_row_and_column()
    {
        double[] w = Weights();
        double[] dw = Gradient(w);
        var parameters = new Dictionary<string, Tensor<double>> { ["W"] = Tensor.Create(w, [Rows, Columns]) };

        GradientCheckReport right = GradientChecker.Check(() => Cost(w), parameters, new Dictionary<string, Tensor<double>> { ["dW"] = Tensor.Create(dw, [Rows, Columns]) });
        dw[(2 * Columns) + 1] *= 1.5;
        GradientCheckReport wrong = GradientChecker.Check(() => Cost(w), parameters, new Dictionary<string, Tensor<double>> { ["dW"] = Tensor.Create(dw, [Rows, Columns]) });

        Assert.That(right.Passed, Is.True, right.ToString);
        Assert.That(wrong.Tensors[0].WorstEntries[0].Label, Is.EqualTo("W[2,1]"));
        Assert.That(w, Is.EqualTo(Weights()), "every entry restored");
    }

    [Test]
    public void A_flat_array_given_its_shape_has_its_transpose_diagnosed()
    {
        double[] w = Weights();
        double[] dw = Gradient(w);
        var transposed = new double[dw.Length];
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Columns; j++)
            {
                transposed[(j * Rows) + i] = dw[(i * Columns) + j];
            }
        }

        GradientCheckReport report = GradientChecker.Check(
            () => Cost(w),
            new Dictionary<string, Tensor<double>> { ["W"] = Tensor.Create(w, [Rows, Columns]) },
            new Dictionary<string, Tensor<double>> { ["dW"] = Tensor.Create(transposed, [Columns, Rows]) });

        Assert.That(report.Tensors[0].Diagnosis!.Kind, Is.EqualTo(BugKind.Transposed));
    }
}
