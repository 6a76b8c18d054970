using GradCheck.Reporting;

namespace GradCheck.NUnit.Tests;

/// <summary>
/// Is.HessianVectorProductOf(g).At(x).Along(v) as a user writes it, on L = ½ xᵀ A x with A not
/// symmetric: g = (A + Aᵀ) x / 2 and H v = (A + Aᵀ) v / 2, while A v is the classic slip.
/// </summary>
public class HessianVectorProductConstraintTests
{
    private static readonly double[,] A = { { 2.0, 1.5, -0.5, 0.0 }, { -0.5, 1.0, 0.25, 0.8 }, { 0.7, -1.1, 3.0, 0.4 }, { 0.2, 0.6, -0.3, 1.5 } };
    private static readonly double[] X = [0.3, -0.8, 1.2, 0.5];
    private static readonly double[] V = [1.0, 0.5, -0.25, 2.0];

    [Test]
    public void Passes_the_product_in_double_and_in_float()
    {
        float[] xF = [.. X.Select(value => (float)value)];
        float[] vF = [.. V.Select(value => (float)value)];

        Assert.That(SymmetricTimes(V), Is.HessianVectorProductOf((double[] t) => Gradient(t)).At(X).Along(V));
        Assert.That(SymmetricTimes(vF), Is.HessianVectorProductOf((float[] t) => Gradient(t)).At(xF).Along(vF));
    }

    [Test]
    public void Not_passes_the_product_with_the_non_symmetric_matrix()
    {
        Assert.That(Times(A, V), Is.Not.HessianVectorProductOf((double[] t) => Gradient(t)).At(X).Along(V));
    }

    [Test]
    public void Failure_message_has_NUnits_layout_names_the_entries_and_then_the_whole_report()
    {
        double[] wrong = SymmetricTimes(V);
        wrong[3] *= 1.01;

        (bool passed, string message) = ConstraintMessages.Apply(Is.HessianVectorProductOf((double[] t) => Gradient(t)).At(X).Along(V), wrong);
        GradientCheckReport report = HessianVectorProductChecker.Check(Gradient, X, V, wrong);

        Assert.That(passed, Is.False);
        Assert.That(message, Does.StartWith("  Expected: Hessian-vector product H v of the gradient g at x (4) along v, Hv[i] = d/dt g(x + t v)[i] at t = 0, each entry within the rule below" + Environment.NewLine));
        Assert.That(message, Does.Contain("  But was:  1 of 4 entries outside tolerance: Hv[3]"));
        Assert.That(message, Does.Contain(report.ToString()));
        Assert.That(message.TrimEnd(), Does.Match(@"\nPictures: .*\.html \(a heatmap and a scatter plot per tensor; attached to the test\)$"), "the picture's line closes the message");
    }

    [Test]
    public void Within_may_appear_only_once_and_WithOptions_keeps_it()
    {
        HessianVectorProductConstraint<double> constraint = Is.HessianVectorProductOf((double[] t) => Gradient(t)).At(X).Along(V).Within(0.1);

        Assert.That(() => constraint.Within(1e-6), Throws.InvalidOperationException.With.Message.EqualTo("Within modifier may appear only once in a Hessian-vector product constraint."));
        double[] offByOnePercent = [.. SymmetricTimes(V).Select(value => value * 1.01)];
        Assert.That(offByOnePercent, constraint.WithOptions(new GradientCheckOptions { Method = DifferenceMethod.CentralTwoPoint }));
    }

    [Test]
    public void An_actual_value_that_is_not_a_vector_of_the_element_type_is_an_error()
    {
        Assert.That(
            () => Assert.That(new double[4, 1], Is.HessianVectorProductOf((double[] t) => Gradient(t)).At(X).Along(V)),
            Throws.ArgumentException.With.Message.Contains("The actual value must be the analytic Hessian-vector product H v, as long as x, a double[]; it is a double[,]"));
    }

    [Test]
    public void A_direction_of_the_wrong_length_is_an_error()
    {
        Assert.That(
            () => Assert.That(new double[4], Is.HessianVectorProductOf((double[] t) => Gradient(t)).At(X).Along([1.0, 2.0])),
            Throws.ArgumentException.With.Message.Contains("The direction v has 2 entries but x has 4"));
    }

    private static double[] Gradient(double[] t) => SymmetricTimes(t);

    private static float[] Gradient(float[] t) => SymmetricTimes(t);

    private static double[] SymmetricTimes(double[] v) => [.. Times(A, v).Zip(TransposeTimes(v), (a, b) => (a + b) / 2)];

    private static float[] SymmetricTimes(float[] v) => [.. SymmetricTimes([.. v.Select(value => (double)value)]).Select(value => (float)value)];

    private static double[] Times(double[,] a, double[] v) =>
        [.. Enumerable.Range(0, 4).Select(i => Enumerable.Range(0, 4).Sum(j => a[i, j] * v[j]))];

    private static double[] TransposeTimes(double[] v) =>
        [.. Enumerable.Range(0, 4).Select(i => Enumerable.Range(0, 4).Sum(j => A[j, i] * v[j]))];
}
